package dev.nnsh.models;

import dev.nnsh.nn.Buffer;
import dev.nnsh.nn.Init;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Parameter;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * Swin V2's window attention: cosine attention scaled by a learned, clamped logit scale, and a
 * relative position bias computed by a small MLP (cpb_mlp) from log-spaced relative coordinates.
 */
public class ShiftedWindowAttentionV2 extends ShiftedWindowAttention {
    final Parameter logit_scale;
    final Sequential cpb_mlp;

    public ShiftedWindowAttentionV2(int dim, int windowSize, int shiftSize, int numHeads) {
        super(dim, windowSize, shiftSize, numHeads);
        logit_scale = new Parameter("logit_scale", Init.constant((float) Math.log(10)), numHeads, 1, 1);
        cpb_mlp = new Sequential(new Linear(2, 512, true), new ReLU(true), new Linear(512, numHeads, false));
    }

    @Override protected void defineRelativePositionBiasTable() {
        int side = 2 * windowSize - 1;
        addBuffer(new Buffer("relative_coords_table", DType.FLOAT32,
                (dtype, shape) -> Tensor.of(relativeCoordsTable(windowSize), shape), 1, side, side, 2));
    }

    /** (Δh, Δw) / (w − 1) · 8, then sign·log2(|·| + 1) / 3, in float32 as torchvision computes it. */
    static float[] relativeCoordsTable(int w) {
        int side = 2 * w - 1;
        float[] table = new float[side * side * 2];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                float dh = (float) (i - (w - 1)) / (w - 1) * 8f, dw = (float) (j - (w - 1)) / (w - 1) * 8f;
                table[(i * side + j) * 2] = logSpaced(dh);
                table[(i * side + j) * 2 + 1] = logSpaced(dw);
            }
        }
        return table;
    }

    private static float logSpaced(float v) {
        return Math.signum(v) * (float) (Math.log(Math.abs(v) + 1f) / Math.log(2)) / 3f;
    }

    @Override protected Tensor relativePositionBias(Tensor like) {
        Tensor coords = ownBuffers().get("relative_coords_table").valueFor(like);
        Tensor table = cpb_mlp.apply(coords).reshape(-1, numHeads);
        return gather(table, like).sigmoid().mul(16);
    }

    @Override protected Tensor logitScale(Tensor like) {
        return logit_scale.valueFor(like).clampMax(Math.log(100.0)).exp();
    }
}
