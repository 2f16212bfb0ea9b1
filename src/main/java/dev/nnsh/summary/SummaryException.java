package dev.nnsh.summary;

import java.util.List;

import dev.nnsh.nn.ModuleException;

/**
 * The forward pass of a summary failed: names the network, the failing layer's path and type with
 * the cause (from the {@link ModuleException}), and the layers that completed before it.
 */
public class SummaryException extends RuntimeException {
    private final transient List<LayerInfo> executedLayers;

    SummaryException(String network, ModuleException cause, List<LayerInfo> executedLayers) {
        super("Failed to run summary on " + network + ": " + cause.getMessage()
                + "\nExecuted layers up to: " + executedLayers, cause);
        this.executedLayers = List.copyOf(executedLayers);
    }

    /** The rows that completed before the failure, in call order. */
    public List<LayerInfo> executedLayers() { return executedLayers; }

    /** Path of the failing layer ({@code features.3}; empty for the network itself). */
    public String layerPath() { return ((ModuleException) getCause()).path(); }

    public String layerType() { return ((ModuleException) getCause()).typeName(); }
}
