package dev.nnsh.summary;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static dev.nnsh.summary.Lines.join;
import static dev.nnsh.summary.Lines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnsh.nn.TransformerEncoderLayer;
import org.junit.jupiter.api.Test;

/**
 * summary(TransformerEncoderLayer(512, 8), input [10, 2, 512]) by the spec's rules, worked out by hand:
 * self_attn is a container (its out_proj is never called, so it has no row): it shows its leftover
 * 3·512·512 + 3·512 + 512·512 + 512 = 1,050,624 params and no mult-adds. Leaf mult-adds: each LayerNorm
 * (512 + 512)·10 = 10,240; linear1 (512·2048 + 2048)·10·2 = 21,012,480; linear2 (2048·512 + 512)·20 =
 * 20,981,760; total 42,014,720. Forward/backward: 2·4 bytes·(3·10·2·512 + 10·2·2048) = 573,440.
 * Input 10·2·512·4 = 40,960 bytes; params 3,152,384·4 = 12,609,536 bytes; total 13,223,936.
 */
class TransformerSummaryTest {
    private static final String D90 = "=".repeat(90);

    @Test void encoderLayerTableAndTotals() {
        for (boolean real : new boolean[]{false, true}) {
            var layer = new TransformerEncoderLayer(512, 8);
            var stats = summary(layer, options().inputSize(10, 2, 512).realForward(real).verbose(0));
            for (var p : layer.namedParameters().entrySet()) {
                assertEquals(real, p.getValue().isMaterialized(), p.getKey() + " materialised by a " + (real ? "real" : "shape-only") + " pass");
            }
            assertEquals(3_152_384, stats.totalParams());
            assertEquals(42_014_720, stats.totalMultAdds());
            assertEquals(40_960, stats.inputBytes());
            assertEquals(573_440, stats.forwardBackwardBytes());
            assertEquals(12_609_536, stats.paramBytes());
            assertEquals(13_223_936, stats.totalBytes());
            assertEquals(join(D90, row("Layer (type:depth-idx)", "Output Shape", "Param #"), D90,
                    row("TransformerEncoderLayer", "[10, 2, 512]", "--"),
                    row("├─MultiheadAttention: 1-1", "[10, 2, 512]", "1,050,624"),
                    row("├─Dropout: 1-2", "[10, 2, 512]", "--"),
                    row("├─LayerNorm: 1-3", "[10, 2, 512]", "1,024"),
                    row("├─Linear: 1-4", "[10, 2, 2048]", "1,050,624"),
                    row("├─Dropout: 1-5", "[10, 2, 2048]", "--"),
                    row("├─Linear: 1-6", "[10, 2, 512]", "1,049,088"),
                    row("├─Dropout: 1-7", "[10, 2, 512]", "--"),
                    row("├─LayerNorm: 1-8", "[10, 2, 512]", "1,024"),
                    D90,
                    "Total params: 3,152,384",
                    "Trainable params: 3,152,384",
                    "Non-trainable params: 0",
                    "Total mult-adds (M): 42.01",
                    D90,
                    "Input size (kB): 40.96",
                    "Forward/backward pass size (kB): 573.44",
                    "Params size (MB): 12.61",
                    "Estimated Total Size (MB): 13.22",
                    D90), stats.toString(), real ? "real pass" : "shape-only pass");
        }
    }
}
