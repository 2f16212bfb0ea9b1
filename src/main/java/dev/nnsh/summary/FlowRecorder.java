package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.tensor.Tensor;

/**
 * Keeps, for a diagram, which tensors each recorded call took and returned (by identity), in call
 * order; {@link DataFlow} turns that into edges. Fed by {@link CallRecorder} when a diagram asks.
 */
final class FlowRecorder {
    /** A call opened (inputs set) or closed (output set) for a row. */
    record Event(LayerInfo row, boolean open, Tensor[] inputs, Tensor output) {}

    private final List<Event> events = new ArrayList<>();

    void opened(LayerInfo row, Tensor[] inputs) { events.add(new Event(row, true, inputs.clone(), null)); }

    void closed(LayerInfo row, Tensor output) { events.add(new Event(row, false, null, output)); }

    List<Event> events() { return events; }
}
