package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.values;
import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {
    /** LeNet-5 written as torchvision-style features/classifier Sequentials. */
    static class LeNet5 extends Module {
        Sequential features = new Sequential(
                new Conv2d(1, 6, 5).padding(2), new BatchNorm2d(6), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2));
        Sequential classifier = new Sequential(
                new Flatten(), new Linear(16 * 5 * 5, 120), new ReLU(), new Dropout(),
                new Linear(120, 84), new ReLU(), new Linear(84, 10));

        @Override public Tensor forward(Tensor x) { return classifier.apply(features.apply(x)); }
    }

    /** The text PyTorch's print(model) gives for the same network (its nn.Module.__repr__ format). */
    private static final String LENET5_PRINTED = String.join("\n",
            "LeNet5(",
            "  (features): Sequential(",
            "    (0): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))",
            "    (1): BatchNorm2d(6, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
            "    (2): ReLU()",
            "    (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
            "    (4): Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1))",
            "    (5): ReLU()",
            "    (6): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
            "  )",
            "  (classifier): Sequential(",
            "    (0): Flatten(start_dim=1, end_dim=-1)",
            "    (1): Linear(in_features=400, out_features=120, bias=True)",
            "    (2): ReLU()",
            "    (3): Dropout(p=0.5, inplace=False)",
            "    (4): Linear(in_features=120, out_features=84, bias=True)",
            "    (5): ReLU()",
            "    (6): Linear(in_features=84, out_features=10, bias=True)",
            "  )",
            ")");

    @Test void printsTheTreeLikePyTorch() {
        assertEquals(LENET5_PRINTED, new LeNet5().toString());
    }

    @Test void leNetRunsForRealAndShapeOnly() {
        var net = new LeNet5();
        assertArrayEquals(new long[]{2, 10}, net.apply(Tensor.shapeOnly(2, 1, 28, 28)).shape());
        assertArrayEquals(new long[]{2, 10}, net.apply(Tensor.rand(2, 1, 28, 28)).shape());
    }

    static class Fields extends Module {
        Linear first = new Linear(2, 3);
        Linear missing = null;
        List<Module> hidden = List.of(new Linear(100, 100));
        ReLU second = new ReLU();
        Linear third = new Linear(3, 1);

        Fields() { register("extra", new Linear(1, 1)); }
    }

    @Test void childrenAreFieldsInDeclarationOrderThenRegisteredOnes() {
        var m = new Fields();
        assertEquals(List.of("first", "second", "third", "extra"), List.copyOf(m.namedChildren().keySet()));
        assertEquals((2 * 3 + 3) + (3 + 1) + (1 + 1), m.numParams(), "the Linear in a plain List is not registered");
    }

    @Test void dottedParameterNames() {
        var names = List.copyOf(new LeNet5().namedParameters().keySet());
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.1.weight", "features.1.bias",
                "features.4.weight", "features.4.bias", "classifier.1.weight", "classifier.1.bias",
                "classifier.4.weight", "classifier.4.bias", "classifier.6.weight", "classifier.6.bias"), names);
    }

    static class Shared extends Module {
        Linear a = new Linear(4, 4);
        Linear b = a;
        Sequential seq = new Sequential(a, new ReLU(), a);
    }

    @Test void aSharedModuleIsCountedOnce() {
        var m = new Shared();
        assertEquals(20, m.numParams());
        assertEquals(List.of("a.weight", "a.bias"), List.copyOf(m.namedParameters().keySet()));
    }

    static class TiedWeight extends Module {
        Embedding embed = new Embedding(10, 4);
        Parameter tied = embed.ownParameters().get("weight");
    }

    @Test void aSharedParameterIsCountedOnce() {
        var m = new TiedWeight();
        assertEquals(40, m.numParams());
        assertEquals(1, m.parameters().size());
    }

    @Test void trainAndEvalPropagate() {
        var net = new LeNet5();
        assertTrue(net.namedModules().values().stream().allMatch(Module::isTraining));
        net.eval();
        assertTrue(net.namedModules().values().stream().noneMatch(Module::isTraining));
        net.train();
        assertTrue(net.classifier.get(3).isTraining());
    }

    @Test void requiresGradFreezesAndUnfreezes() {
        var net = new LeNet5();
        net.features.requiresGrad(false);
        for (var e : net.namedParameters().entrySet()) {
            assertEquals(!e.getKey().startsWith("features."), e.getValue().requiresGrad(), e.getKey());
        }
        net.requiresGrad(true);
        assertTrue(net.parameters().stream().allMatch(Parameter::requiresGrad));
    }

    @Test void stateDictHoldsParametersAndBuffers() {
        var keys = List.copyOf(new LeNet5().stateDict().keySet());
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.1.weight", "features.1.bias",
                "features.1.running_mean", "features.1.running_var", "features.1.num_batches_tracked",
                "features.4.weight", "features.4.bias", "classifier.1.weight", "classifier.1.bias",
                "classifier.4.weight", "classifier.4.bias", "classifier.6.weight", "classifier.6.bias"), keys);
    }

    @Test void loadStateDictRoundTrips() {
        var source = new LeNet5();
        source.apply(Tensor.rand(4, 1, 28, 28)); // moves the running statistics away from 0 and 1
        var target = new LeNet5();
        target.loadStateDict(source.stateDict());
        for (var e : source.stateDict().entrySet()) {
            assertArrayEquals(values(e.getValue().to(dev.nnsh.tensor.DType.FLOAT32)),
                    values(target.stateDict().get(e.getKey()).to(dev.nnsh.tensor.DType.FLOAT32)), e.getKey());
        }
        source.eval();
        target.eval();
        Tensor x = Tensor.rand(2, 1, 28, 28);
        assertArrayEquals(values(source.apply(x)), values(target.apply(x)));
    }

    @Test void loadStateDictNamesWrongKeysAndShapes() {
        var net = new Sequential(new Linear(4, 2));
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("0.weight", Tensor.zeros(3, 4));
        state.put("0.bais", Tensor.zeros(2));
        var e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state));
        assertEquals("Error(s) in loading state_dict for Sequential:\n"
                + "\tMissing key(s) in state_dict: \"0.bias\".\n"
                + "\tUnexpected key(s) in state_dict: \"0.bais\".\n"
                + "\tsize mismatch for 0.weight: copying a param with shape [3, 4] from checkpoint, the shape in current"
                + " model is [2, 4].", e.getMessage());
        assertFalse(net.parameters().get(0).isMaterialized(), "nothing is loaded when anything is wrong");
    }

    @Test void defaultInitialisationBounds() {
        var net = new LeNet5();
        for (var e : net.namedModules().entrySet()) {
            Module m = e.getValue();
            long fanIn = m instanceof Linear l ? l.inFeatures()
                    : m instanceof Conv2d ? m.ownParameters().get("weight").numel() / m.ownParameters().get("weight").shape()[0]
                    : -1;
            if (fanIn < 0) continue;
            double bound = 1 / Math.sqrt(fanIn);
            for (String p : List.of("weight", "bias")) {
                float[] v = values(m.ownParameters().get(p).data());
                double max = 0;
                for (float f : v) max = Math.max(max, Math.abs(f));
                // the bound is drawn in float32: a value may land on float(bound), one ulp above the double
                assertTrue(max <= bound + Math.ulp((float) bound), e.getKey() + "." + p + ": max |value| " + max + " > 1/sqrt(fan_in) = " + bound);
                assertTrue(max > bound * 0.5, e.getKey() + "." + p + ": values should spread over the bound, max " + max);
            }
        }
        var bn = (BatchNorm2d) net.features.get(1);
        assertArrayEquals(new float[]{1, 1, 1, 1, 1, 1}, values(bn.ownParameters().get("weight").data()));
        assertArrayEquals(new float[6], values(bn.ownParameters().get("bias").data()));
    }
}
