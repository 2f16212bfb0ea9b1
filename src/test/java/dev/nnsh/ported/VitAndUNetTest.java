package dev.nnsh.ported;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

class VitAndUNetTest {
    private static void check(String name, Module net, long... inputSize) {
        var shapeOnly = summary(net, options().inputSize(inputSize).depth(10).mode("eval").verbose(0));
        Fixtures.assertNothingMaterialised(net);
        Fixtures.assertSameTable(Fixtures.torchinfo(name), shapeOnly);
        net.loadStateDict(Fixtures.weights(name));
        net.eval();
        Tensor out = net.apply(Fixtures.tensor(name, "input"));
        Fixtures.assertClose(Fixtures.tensor(name, "output"), out, 1e-5);
        Fixtures.assertSameTable(Fixtures.torchinfo(name),
                summary(net, options().inputData(Fixtures.tensor(name, "input")).depth(10).mode("eval").verbose(0)));
    }

    @Test void vitWithClassTokenMatchesTorchinfoAndPyTorch() { check("vit", new Vit.ViT(), 2, 3, 8, 8); }

    @Test void uNetWithSkipConcatenationsMatchesTorchinfoAndPyTorch() { check("unet", new UNet.Net(), 1, 3, 12, 12); }
}
