package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** numClasses, auxiliary heads and the constructor options torchvision exposes (shape-only passes: instant). */
class ZooOptionsTest {
    private static long[] out(Module net, long... input) { return net.apply(Tensor.shapeOnly(input)).shape(); }

    @Test void numClassesChangesOnlyTheHead() {
        assertEquals(5_288_548L - 1281 * 1000 + 1281 * 10, Models.efficientnetB0(10).numParams());
        assertEquals(28_589_128L - 769 * 1000 + 769 * 10, Models.convnextTiny(10).numParams());
        assertEquals(86_567_656L - 769 * 1000 + 769 * 10, Models.vitB16(10).numParams());
        assertEquals(28_288_354L - 769 * 1000 + 769 * 10, Models.swinT(10).numParams());
        assertEquals(30_919_624L - 512 * 1000 + 512 * 10, Models.maxvitT(10).numParams());
        assertEquals(33_371_472L - 513 * 400 + 513 * 10, Models.r3d18(10).numParams());
        assertArrayEquals(new long[]{2, 10}, out(Models.regnetY400mf(10), 2, 3, 224, 224));
        assertArrayEquals(new long[]{1, 7}, out(Models.mc3_18(7), 1, 3, 8, 112, 112));
    }

    @Test void googlenetsAuxiliaryHeadsRunInTrainModeOnly() {
        GoogLeNet net = Models.googlenet(10);
        assertArrayEquals(new long[]{1, 10}, out(net, 1, 3, 224, 224));
        assertEquals(2, net.auxOutputs().size());
        for (Tensor aux : net.auxOutputs()) assertArrayEquals(new long[]{1, 10}, aux.shape());
        net.eval();
        out(net, 1, 3, 224, 224);
        assertTrue(net.auxOutputs().isEmpty());
        assertEquals(6_624_904L, Models.googlenet(1000, false).numParams(), "torchvision's count without auxiliary heads");
    }

    @Test void inceptionsAuxiliaryHeadRunsInTrainModeOnly() {
        Inception3 net = Models.inceptionV3(10);
        assertArrayEquals(new long[]{2, 10}, out(net, 2, 3, 299, 299));
        assertArrayEquals(new long[]{2, 10}, net.auxOutput().shape());
        net.eval();
        out(net, 1, 3, 299, 299);
        assertNull(net.auxOutput());
        assertEquals(27_161_264L - 3_326_696L, Models.inceptionV3(1000, false).numParams(), "less the auxiliary head");
    }

    @Test void dropoutAndStochasticDepthOptionsShowInThePrint() {
        assertTrue(Models.efficientnetB0(1000, 0.4, 0.3).toString().contains("(0): Dropout(p=0.4, inplace=True)"));
        assertTrue(Models.efficientnetB0(1000, 0.4, 0.3).toString().contains("StochasticDepth(p=0.28125, mode=row)"));
        assertTrue(Models.convnextTiny(1000, 0.0).toString().contains("StochasticDepth(p=0.0, mode=row)"));
        assertTrue(Models.mobilenetV3Small(1000, 0.5).toString().contains("Dropout(p=0.5, inplace=True)"));
    }

    @Test void wrongInputSizesAreRefusedWhereTorchvisionRefusesThem() {
        var e = assertThrows(RuntimeException.class, () -> out(Models.vitB16(), 1, 3, 256, 256));
        assertTrue(e.getMessage().contains("224"), e.getMessage());
        assertThrows(RuntimeException.class, () -> out(Models.r3d18(), 1, 3, 112, 112));
        assertThrows(IllegalArgumentException.class, () -> new ShuffleNetV2.InvertedResidual(24, 58, 1));
    }

    @Test void transformInputRenormalisesEachChannelAsTorchvision() {
        float[] v = new float[12];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.1f - 0.5f;
        Tensor out = ImagenetInputTransform.apply(Tensor.of(v.clone(), 1, 3, 2, 2));
        double[] std = {0.229, 0.224, 0.225}, mean = {0.485, 0.456, 0.406};
        float[] got = out.nd().dup('c').data().asFloat();
        for (int i = 0; i < v.length; i++) {
            int c = i / 4;
            assertEquals(v[i] * (std[c] / 0.5) + (mean[c] - 0.5) / 0.5, got[i], 1e-6, "element " + i);
        }
        GoogLeNet g = Models.googlenet(10).transformInput(true);
        assertArrayEquals(new long[]{1, 10}, out(g, 1, 3, 224, 224));
        assertArrayEquals(new long[]{2, 10}, out(Models.inceptionV3(10).transformInput(true), 2, 3, 299, 299));
    }
}
