package dev.nnsh.ported;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NanoGptTest {
    @Test void summaryEqualsTorchinfosForTheSamePrompt() {
        NanoGpt.GPT net = new NanoGpt.GPT();
        net.eval();
        var stats = summary(net, options().inputData(Fixtures.tensor("nanogpt", "input")).depth(10).verbose(0));
        Fixtures.assertSameTable(Fixtures.torchinfo("nanogpt"), stats);
    }

    @Test void aShapeOnlySummaryMaterialisesNoParameterAndNoBuffer() {
        NanoGpt.GPT net = new NanoGpt.GPT();
        var stats = summary(net, options().inputSize(1, 5).dtypes(DType.INT64).depth(10).mode("eval").verbose(0));
        Fixtures.assertNothingMaterialised(net);
        assertEquals(2000, stats.totalParams());
        Fixtures.assertSameTable(Fixtures.torchinfo("nanogpt"), stats);
    }

    @Test void forwardOnPyTorchsWeightsEqualsPyTorchsOutput() {
        NanoGpt.GPT net = new NanoGpt.GPT();
        net.loadStateDict(Fixtures.weights("nanogpt"));
        net.eval();
        Tensor out = net.apply(Fixtures.tensor("nanogpt", "input"));
        Fixtures.assertClose(Fixtures.tensor("nanogpt", "output"), out, 1e-5);
    }
}
