package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.nnsh.Nnsh;
import dev.nnsh.nn.AdaptiveAvgPool3d;
import dev.nnsh.nn.Conv3d;
import dev.nnsh.nn.InstanceNorm2d;
import dev.nnsh.nn.MaxPool3d;
import dev.nnsh.nn.Mish;
import dev.nnsh.nn.PReLU;
import dev.nnsh.nn.ZeroPad2d;
import org.junit.jupiter.api.Test;

/** explain() for the zoo's layers, numbers worked out by hand; the 3-D ones name D, H and W. */
class ZooLayersExplainedTest {
    private static String explained(dev.nnsh.nn.Module m, long... input) {
        PrintStream old = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Nnsh.explain(m, input);
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test void conv3dWritesOutItsThreeSpatialDims() {
        // (3·3·3·2 + 1)·4 = 220; D ⌊(5+2−2−1)/2⌋+1 = 3, H ⌊(6+2−2−1)/2⌋+1 = 3, W ⌊(7+2−2−1)/2⌋+1 = 4
        String text = explained(new Conv3d(2, 4, 3, 2, 1), 1, 2, 5, 6, 7);
        assertTrue(text.contains("params     = (kD·kH·kW·C_in + 1)·C_out = (3·3·3·2 + 1)·4 = 220"), text);
        assertTrue(text.contains("D_out = ⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3"), text);
        assertTrue(text.contains("H_out = ⌊(6 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3"), text);
        assertTrue(text.contains("W_out = ⌊(7 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 4"), text);
        // torchinfo: params × output positions = 220·1·3·3·4
        assertTrue(text.contains("mult-adds  = params·N·D_out·H_out·W_out = 220·1·3·3·4 = 7,920"), text);
    }

    @Test void pooling3dNamesItsDims() {
        String max = explained(new MaxPool3d(3, 2, 1), 1, 2, 5, 6, 7);
        assertTrue(max.contains("D_out = ⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3"), max);
        assertTrue(max.contains("W_out = ⌊(7 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 4"), max);
        String avg = explained(new AdaptiveAvgPool3d(1, 2, 3), 1, 2, 5, 6, 7);
        assertTrue(avg.contains("about D/D_out × H/H_out × W/W_out)"), avg);
        assertTrue(avg.contains("output     = [N, C, D_out, H_out, W_out] = [1, 2, 1, 2, 3]"), avg);
    }

    @Test void theOtherZooLayersShowTheirFormulas() {
        String prelu = explained(new PReLU(3), 2, 3, 4);
        assertTrue(prelu.contains("params     = num_parameters = 3 (the learned slope a"), prelu);
        String norm = explained(new InstanceNorm2d(5, 1e-5, true), 2, 5, 4, 4);
        assertTrue(norm.contains("params     = 2·C = 2·5 = 10"), norm);
        String mish = explained(new Mish(), 2, 3);
        assertTrue(mish.contains("params     = 0 (elementwise, y = x·tanh(softplus(x))"), mish);
        String pad = explained(new ZeroPad2d(1, 2, 0, 3), 1, 2, 4, 5);
        assertTrue(pad.contains("output     = [1, 2, 4, 5] → [1, 2, 7, 8]"), pad);
    }
}
