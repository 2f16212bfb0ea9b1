package dev.nnsh.summary;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ModuleList;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A module registered twice in a container, as tools/shared_module_references.py builds it in
 * PyTorch: {@code lin = nn.Linear(8, 8); nn.Sequential(lin, lin, nn.ReLU())}. The expected texts are
 * that script's output (PyTorch's print and named_parameters, torchinfo's table).
 */
class SharedModuleTest {
    static class SharedInSequential extends Module {
        Sequential body;

        SharedInSequential() {
            Linear shared = new Linear(8, 8);
            body = new Sequential(shared, shared, new ReLU());
        }

        @Override public Tensor forward(Tensor x) { return body.apply(x); }
    }

    private static final String PRINTED = String.join("\n",
            "SharedInSequential(",
            "  (body): Sequential(",
            "    (0): Linear(in_features=8, out_features=8, bias=True)",
            "    (1): Linear(in_features=8, out_features=8, bias=True)",
            "    (2): ReLU()",
            "  )",
            ")");

    @Test void aSequentialKeepsEverySlotAndPrintsBoth() {
        var net = new SharedInSequential();
        assertEquals(3, net.body.size());
        assertEquals(PRINTED, net.toString());
        assertEquals(net.body.get(0), net.body.get(1));
    }

    @Test void theSharedModulesParametersAreVisitedOnce() {
        var net = new SharedInSequential();
        assertEquals(List.of("body.0.weight", "body.0.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(72, net.numParams());
        assertEquals(List.of("", "body", "body.0", "body.2"), List.copyOf(net.namedModules().keySet()));
    }

    @Test void aSequentialAppliesTheSharedModuleTwice() {
        Linear lin = new Linear(3, 3);
        var twice = new Sequential(lin, lin);
        Tensor x = Tensor.rand(2, 3);
        Tensor expected = lin.apply(lin.apply(x));
        assertEquals(expected.toString(), twice.apply(x).toString());
    }

    @Test void aModuleListKeepsEverySlot() {
        Linear lin = new Linear(3, 3);
        var list = new ModuleList(lin, lin, new ReLU());
        assertEquals(3, list.size());
        assertEquals(ReLU.class, list.get(2).getClass());
    }

    @Test void theSummaryShowsTheSecondCallAsRecursiveAsTorchinfoDoes() {
        var stats = summary(new SharedInSequential(), options().inputSize(2, 8).verbose(0));
        Golden.assertMatches("shared_sequential.out", stats.toString(), 1);
    }

    @Test void theSummaryOfARealPassIsTheSame() {
        var stats = summary(new SharedInSequential(), options().inputSize(2, 8).realForward(true).verbose(0));
        Golden.assertMatches("shared_sequential.out", stats.toString(), 1);
    }
}
