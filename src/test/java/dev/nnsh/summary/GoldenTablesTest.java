package dev.nnsh.summary;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnsh.nn.Module;
import dev.nnsh.testnets.Frozen;
import dev.nnsh.testnets.LeNet5;
import dev.nnsh.testnets.RecursiveNet;
import dev.nnsh.testnets.SeedVGG11;
import org.junit.jupiter.api.Test;

/** Every reference table in src/test/resources/dev/nnsh/summary/golden/, from networks built with the API, shape-only and real. */
class GoldenTablesTest {
    private static ModelStatistics quiet(Module net, SummaryOptions options) {
        return summary(net, options.verbose(0));
    }

    @Test void seedVgg11() {
        var stats = quiet(new SeedVGG11(), options().inputSize(12, 1, 224, 224));
        Golden.assertMatches("seed_vgg11.out", stats.toString(), 1);
        assertEquals(12L * 224 * 224 * 4, stats.inputBytes());
    }

    @Test void lenet5() {
        Golden.assertMatches("lenet5.out", quiet(new LeNet5(), options().inputSize(1, 1, 32, 32)).toString(), 1);
    }

    @Test void lenet5WithRealData() {
        Golden.assertMatches("lenet5.out", quiet(new LeNet5(), options().inputSize(1, 1, 32, 32).realForward(true)).toString(), 1);
    }

    @Test void recursive() {
        Golden.assertMatches("recursive.out", quiet(new RecursiveNet(), options().inputSize(1, 64, 28, 28)).toString(), 1);
    }

    @Test void recursiveWithRealData() {
        var data = dev.nnsh.tensor.Tensor.rand(1, 64, 28, 28);
        Golden.assertMatches("recursive.out", quiet(new RecursiveNet(), options().inputData(data)).toString(), 1);
    }

    @Test void frozen() {
        var stats = quiet(new Frozen(), options().inputSize(4, 128).columns("output_size", "num_params", "trainable"));
        Golden.assertMatches("frozen.out", stats.toString(), 1);
    }

    @Test void frozenWithRealData() {
        var stats = quiet(new Frozen(), options().inputSize(4, 128).realForward(true).columns("output_size", "num_params", "trainable"));
        Golden.assertMatches("frozen.out", stats.toString(), 1);
    }
}
