package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@code Module.call}: one observed call protocol for a forward whose result is not one tensor. */
class ModuleCallTest {
    record Halves(Tensor first, Tensor second) {}

    /** Of [N, 2F] as two [N, F] halves: their mean and their sum; {@code apply} gives the mean. */
    static class Split extends Module {
        Halves split(Tensor x) { return call(in -> halves(in[0]), Halves::first, x); }

        @Override public Tensor forward(Tensor x) { return halves(x).first(); }

        private static Halves halves(Tensor x) {
            long f = x.size(1) / 2;
            Tensor pairs = x.reshape(x.size(0), 2, f);
            return new Halves(pairs.mean(1), pairs.sum(1));
        }
    }

    private static final class Recorder implements CallObserver {
        final List<String> events = new ArrayList<>();

        @Override public void before(Module module, Tensor[] inputs) { events.add("before " + module.typeName()); }

        @Override public void after(Module module, Tensor[] inputs, Tensor output) {
            events.add("after " + module.typeName() + " " + java.util.Arrays.toString(output.shape()));
        }

        @Override public void failed(Module module, Tensor[] inputs, RuntimeException error) {
            events.add("failed " + module.typeName());
        }
    }

    @Test void observersSeeTheCallAndTheChosenOutput() {
        var split = new Split();
        var recorder = new Recorder();
        Halves h;
        try (var scope = Module.observe(recorder)) {
            h = split.split(Tensor.shapeOnly(3, 8));
        }
        assertArrayEquals(new long[]{3, 4}, h.first().shape());
        assertArrayEquals(new long[]{3, 4}, h.second().shape());
        assertEquals(List.of("before Split", "after Split [3, 4]"), recorder.events);
    }

    @Test void anErrorInsideIsLocatedAndReported() {
        class Outer extends Module {
            Split inner = new Split();

            @Override public Tensor forward(Tensor x) { return inner.split(x).second(); }
        }
        var recorder = new Recorder();
        ModuleException e;
        try (var scope = Module.observe(recorder)) {
            e = assertThrows(ModuleException.class, () -> new Outer().apply(Tensor.shapeOnly(3)));
        }
        assertEquals("inner", e.path());
        assertEquals("Split", e.typeName());
        assertEquals(List.of("before Outer", "before Split", "failed Split", "failed Outer"), recorder.events);
    }

    @Test void lstmRunAndApplyAgreeAndRunInsideAForwardWorks() {
        var lstm = new LSTM(4, 5);
        Tensor x = Tensor.rand(6, 2, 4);
        RecurrentOutput all = lstm.run(x);
        assertEquals(lstm.apply(x).toString(), all.output().toString());
        assertArrayEquals(new long[]{1, 2, 5}, all.cN().shape());

        class Wrapper extends Module {
            LSTM inner = lstm;

            @Override public Tensor forward(Tensor input) { return inner.run(input).hN(); }
        }
        assertEquals(all.hN().toString(), new Wrapper().apply(x).toString());
    }

    @Test void theLstmCellReturnsItsOwnState() {
        var cell = new LSTMCell(4, 5);
        Tensor x = Tensor.rand(2, 4);
        LSTMState state = cell.run(x);
        assertEquals(cell.apply(x).toString(), state.h().toString());
        assertArrayEquals(new long[]{2, 5}, state.c().shape());
    }
}
