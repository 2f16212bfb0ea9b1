package dev.nnsh.ops;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** {@code F.adaptive_max_pool2d}: each output cell is the max over rows ⌊i·H/oh⌋ … ⌈(i+1)·H/oh⌉ (and columns alike). */
public final class AdaptiveMaxPool {
    private AdaptiveMaxPool() {}

    public static Tensor adaptiveMaxPool2d(Tensor x, long outH, long outW) {
        if (x.dim() != 3 && x.dim() != 4) {
            throw new ShapeException("adaptive_max_pool2d(): expected 3D or 4D input, got shape " + Shapes.format(x.shape()));
        }
        if (outH <= 0 || outW <= 0) throw new IllegalArgumentException("adaptive_max_pool2d(): output size must be positive, got "
                + outH + "x" + outW);
        long h = x.size(-2), w = x.size(-1);
        if (h == 0 || w == 0) throw new ShapeException("adaptive_max_pool2d(): input has an empty spatial dim: " + Shapes.format(x.shape()));
        List<Tensor> rows = new ArrayList<>();
        for (long i = 0; i < outH; i++) {
            long h0 = Math.floorDiv(i * h, outH), h1 = -Math.floorDiv(-(i + 1) * h, outH);
            List<Tensor> cells = new ArrayList<>();
            for (long j = 0; j < outW; j++) {
                long w0 = Math.floorDiv(j * w, outW), w1 = -Math.floorDiv(-(j + 1) * w, outW);
                cells.add(x.narrow(-2, h0, h1 - h0).narrow(-1, w0, w1 - w0).amax(-2, -1));
            }
            rows.add(Tensor.stack(-1, cells));
        }
        return Tensor.stack(-2, rows);
    }
}
