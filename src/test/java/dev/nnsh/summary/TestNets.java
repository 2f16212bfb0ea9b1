package dev.nnsh.summary;

import dev.nnsh.nn.Init;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ModuleList;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/** Small networks for the summary's row rules. */
final class TestNets {
    private TestNets() {}

    /** A ModuleList whose items the root calls itself (the list is never called) and a Linear never called at all. */
    static class NeverCalledNet extends Module {
        ModuleList blocks = new ModuleList(new Linear(4, 8), new Linear(8, 2));
        Linear unused = new Linear(2, 3);

        @Override public Tensor forward(Tensor x) {
            return blocks.get(1).apply(blocks.get(0).apply(x));
        }
    }

    /** The root calls the first child of a Sequential directly; the Sequential and its ReLU are never called. */
    static class GrandparentCallNet extends Module {
        Sequential features = new Sequential(new Linear(4, 4), new ReLU());

        @Override public Tensor forward(Tensor x) {
            return features.get(0).apply(x);
        }
    }

    /** A Sequential of a frozen Linear(4, 4) (20 params) and a trainable Linear(4, 2) (10 params). */
    static class PartlyFrozenNet extends Module {
        Sequential body = new Sequential(new Linear(4, 4), new Linear(4, 2));

        PartlyFrozenNet() { body.get(0).requiresGrad(false); }

        @Override public Tensor forward(Tensor x) { return body.apply(x); }
    }

    /** A root with a parameter of its own (scale, 3 values) and a Linear(3, 3). */
    static class OwnParameterNet extends Module {
        Linear fc = new Linear(3, 3);

        OwnParameterNet() { addParameter("scale", Init.constant(1), 3); }

        @Override public Tensor forward(Tensor x) { return fc.apply(x); }
    }

    /** Two inputs: x1 [N, 3] float, x2 [N, 5] of any dtype (converted to float). */
    static class TwoInputNet extends Module {
        Linear fc1 = new Linear(3, 2);
        Linear fc2 = new Linear(5, 2);

        @Override public Tensor forward(Tensor... xs) {
            return fc1.apply(xs[0]).add(fc2.apply(xs[1].to(DType.FLOAT32)));
        }
    }

    /** Remembers whether it ran in training mode. */
    static class ModeProbe extends Module {
        Boolean sawTraining;

        @Override public Tensor forward(Tensor x) {
            sawTraining = isTraining();
            return x;
        }
    }

    /** A probe inside a Linear network, to see modes of a child during the pass. */
    static class ProbedNet extends Module {
        Linear fc = new Linear(4, 4);
        ModeProbe probe = new ModeProbe();

        @Override public Tensor forward(Tensor x) { return probe.apply(fc.apply(x)); }
    }

    /** A module whose type name is exactly this long, for the name-column widening rule. */
    static Module named(String typeName, Module child) {
        return new Module() {
            { if (child != null) register("child", child); }

            @Override public String typeName() { return typeName; }

            @Override public Tensor forward(Tensor x) { return child == null ? x : child.apply(x); }
        };
    }
}
