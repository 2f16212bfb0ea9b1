package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.nnsh.Nnsh;
import dev.nnsh.nn.ConvTranspose2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Sequential;
import dev.nnsh.testnets.SeedVGG11;
import org.junit.jupiter.api.Test;

class ExplainTest {
    private static String printed(Runnable r) {
        PrintStream old = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test void seedNetworkConv7AndFc3AreExplainedWithTheArticlesNumbers() {
        String text = printed(() -> Nnsh.explain(new SeedVGG11(), 12, 1, 224, 224));
        // the article's hand computations, written independently of the code
        assertTrue(text.contains("conv7  Conv2d(512, 512, kernel 3, stride 1, padding 1)\n"
                + "  params     = (kH·kW·C_in + 1)·C_out = (3·3·512 + 1)·512 = 2,359,808\n"
                + "  output     = [N, C_out, ⌊(H + 2p − d·(k−1) − 1)/s⌋ + 1, …] = [12, 512, 14, 14]\n"
                + "               H_out = ⌊(14 + 2·1 − 1·(3−1) − 1)/1⌋ + 1 = 14\n"
                + "               W_out = ⌊(14 + 2·1 − 1·(3−1) − 1)/1⌋ + 1 = 14\n"
                + "  mult-adds  = params·N·H_out·W_out = 2,359,808·12·14·14 = 5,550,268,416\n"), text);
        assertTrue(text.contains("fc3  Linear(4096, 1000)\n"
                + "  params     = (in + 1)·out = (4096 + 1)·1000 = 4,097,000\n"
                + "  output     = […, out] = [12, 1000]\n"
                + "  mult-adds  = params·N = 4,097,000·12 = 49,164,000\n"), text);
        assertTrue(text.contains("max_pool_1  MaxPool2d(kernel 2, stride 2, padding 0)\n"
                + "  params     = 0 (pooling has no parameters)\n"), text);
        assertTrue(text.contains("total params     = 132,862,184 (132,862,184 trainable)"), text);
    }

    @Test void returnsTheSameStatisticsAsSummaryAndPrintsNoTable() {
        var stats = new ModelStatistics[1];
        String text = printed(() -> stats[0] = Nnsh.explain(new SeedVGG11(), 12, 1, 224, 224));
        var summary = Nnsh.summary(new SeedVGG11(), Nnsh.options().inputSize(12, 1, 224, 224).verbose(0));
        assertEquals(summary.toString(), stats[0].toString());
        assertFalse(text.contains("====="), text);
    }

    @Test void groupedStridedConvAndCeilModePoolingShowTheirArguments() {
        var net = new Sequential(new Conv2d(64, 128, 3).stride(2).padding(1).groups(4).bias(false),
                new MaxPool2d(3, 2).ceilMode(true));
        String text = printed(() -> Nnsh.explain(net, 1, 64, 15, 15));
        assertTrue(text.contains("0  Conv2d(64, 128, kernel 3, stride 2, padding 1, groups 4, no bias)\n"
                + "  params     = kH·kW·C_in/groups·C_out = 3·3·(64/4)·128 = 18,432\n"), text);
        assertTrue(text.contains("H_out = ⌊(15 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 8"), text);
        assertTrue(text.contains("1  MaxPool2d(kernel 3, stride 2, padding 0, ceil mode)"), text);
        assertTrue(text.contains("H_out = ⌈(8 + 2·0 − 1·(3−1) − 1)/2⌉ + 1 = 4"), text);
    }

    @Test void transposedConvolutionUsesItsOwnFormulas() {
        String text = printed(() -> Nnsh.explain(new ConvTranspose2d(16, 33, 3).stride(2), 1, 16, 5, 5));
        assertTrue(text.contains("params     = C_in·C_out·kH·kW + C_out = 16·33·3·3 + 33 = 4,785"), text);
        assertTrue(text.contains("H_out = (5 − 1)·2 − 2·0 + 1·(3−1) + 0 + 1 = 11"), text);
    }

    @Test void recurrentLayersShowTheGateFormulaPerLayerAndDirection() {
        String text = printed(() -> Nnsh.explain(new dev.nnsh.nn.LSTM(10, 20, 2), 5, 3, 10));
        // PyTorch: 4·H·(in + H + 2) per layer; the second layer's input is H wide
        assertTrue(text.contains("LSTM(10, 20, num_layers 2)\n"
                + "  params     = Σ layers gates·H·(in + H + 2) = 4·20·(10 + 20 + 2) + 4·20·(20 + 20 + 2) = 5,920\n"), text);
        assertTrue(text.contains("mult-adds  = params·out[0]·out[1] = 5,920·5·3 = 88,800"), text);
        String bi = printed(() -> Nnsh.explain(new dev.nnsh.nn.GRU(8, 16).bidirectional(true), 4, 2, 8));
        assertTrue(bi.contains("= 2·3·16·(8 + 16 + 2) = 2,496"), bi);
        assertTrue(bi.contains("output     = [L, N, 2·H] = [4, 2, 32]"), bi);
    }
}
