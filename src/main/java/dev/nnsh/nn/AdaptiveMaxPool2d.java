package dev.nnsh.nn;

import dev.nnsh.ops.Pool3dKernel;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** {@code nn.AdaptiveMaxPool2d(output_size, return_indices=False)}: the max of windows ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉. */
public class AdaptiveMaxPool2d extends Module {
    private final int[] outputSize;
    private final boolean givenAsInt;

    public AdaptiveMaxPool2d(int outputSize) { this(new int[]{outputSize, outputSize}, true); }

    public AdaptiveMaxPool2d(int outH, int outW) { this(new int[]{outH, outW}, false); }

    private AdaptiveMaxPool2d(int[] size, boolean givenAsInt) {
        for (int s : size) Args.positive("AdaptiveMaxPool2d", "output_size", s);
        this.outputSize = size;
        this.givenAsInt = givenAsInt;
    }

    @Override public Tensor forward(Tensor x) {
        if (x.dim() != 4) throw new ShapeException(typeName() + ": expected 4D input [N, C, H, W], got shape " + Shapes.format(x.shape()));
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        long[] out = {n, c, outputSize[0], outputSize[1]};
        return x.derive(out, x.dtype(),
                a -> Pool3dKernel.adaptiveMaxPool3d(a.reshape('c', n, c, 1, h, w), new int[]{1, outputSize[0], outputSize[1]}));
    }

    @Override public String extraRepr() { return "output_size=" + Args.intOrTuple(outputSize, givenAsInt); }
}
