package dev.nnsh.summary;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import dev.nnsh.nn.Embedding;
import dev.nnsh.nn.GRU;
import dev.nnsh.nn.LSTM;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sigmoid;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Recurrent layers in summaries: torchinfo's output shape, parameter and mult-add rules. */
class RecurrentSummaryTest {
    @Test void stackedLstmTotalsAreTheHandComputedOnes() {
        var stats = summary(new LSTM(10, 20, 2), options().inputSize(5, 3, 10).verbose(0));
        long params = 4 * 20 * (10 + 20 + 2) + 4 * 20 * (20 + 20 + 2);
        assertEquals(5_920, params);
        assertEquals(params, stats.totalParams());
        assertEquals(params * 5 * 3, stats.totalMultAdds()); // every weight_*/bias_* parameter counts out[0]·out[1] times
        assertEquals(88_800, stats.totalMultAdds());
        assertArrayEquals(new long[]{5, 3, 20}, stats.layers().get(0).outputShape());
        assertEquals(5 * 3 * 20 * 4 * 2, stats.forwardBackwardBytes()); // the output sequence only, ×2 for gradients
        assertEquals(5 * 3 * 10 * 4, stats.inputBytes());
    }

    @Test void realAndShapeOnlyPassesGiveTheSameTable() {
        var gru = new GRU(6, 8, 2).bidirectional(true).batchFirst(true);
        String shapeOnly = summary(gru, options().inputSize(4, 7, 6).verbose(0)).toString();
        String real = summary(gru, options().inputData(Tensor.rand(4, 7, 6)).verbose(0)).toString();
        assertEquals(shapeOnly, real);
        assertTrue(shapeOnly.contains("[4, 7, 16]"), shapeOnly);
    }

    /** torchinfo's table of a published text classifier (embedding, bidirectional LSTM, pooling, two linears). */
    static final class TextClassifier extends Module {
        Embedding embedding = new Embedding(2000, 7);
        LSTM lstm = new LSTM(7, 24).batchFirst(true).bidirectional(true);
        Linear fc1 = new Linear(48, 24);
        ReLU relu = new ReLU();
        Linear fc2 = new Linear(24, 1);
        Sigmoid sigmoid = new Sigmoid();

        @Override public Tensor forward(Tensor x) {
            Tensor pooled = lstm.run(embedding.apply(x)).output().mean(1); // torchinfo's net pools here (no parameters)
            return sigmoid.apply(fc2.apply(relu.apply(fc1.apply(pooled))));
        }
    }

    @Test void totalsMatchTorchinfosTableOfATextClassifier() {
        var stats = summary(new TextClassifier(), options().inputSize(32, 85).dtypes(DType.INT64).verbose(0));
        // torchinfo: Embedding [32, 85, 7] 14,000; LSTM [32, 85, 48] 6,336; Linear 1,176; Linear 25
        List<String> lines = List.of(stats.toString().split("\n"));
        for (String expected : List.of("Total params: 21,537", "Trainable params: 21,537", "Non-trainable params: 0",
                "Total mult-adds (M): 17.72", "Forward/backward pass size (MB): 1.20", "Estimated Total Size (MB): 1.31")) {
            assertTrue(lines.contains(expected), "missing \"" + expected + "\" in\n" + stats);
        }
        // that table printed every size in MB: input 0.02, params 0.09
        assertEquals(32 * 85 * 8, stats.inputBytes());
        assertEquals("0.02", String.format("%.2f", stats.inputBytes() / 1e6));
        assertEquals(21_537 * 4, stats.paramBytes());
        assertEquals("0.09", String.format("%.2f", stats.paramBytes() / 1e6));
        assertEquals(2L * 4 * 32 * (85 * 7 + 85 * 48 + 24 + 1), stats.forwardBackwardBytes()); // layers with parameters
        LayerInfo lstmRow = stats.layers().get(2);
        assertEquals("LSTM", lstmRow.typeName());
        assertArrayEquals(new long[]{32, 85, 48}, lstmRow.outputShape());
        assertEquals(6_336, lstmRow.numParams());
        assertEquals(6_336L * 32 * 85, lstmRow.multAdds());
    }
}
