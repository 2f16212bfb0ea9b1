package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/** {@code nn.AdaptiveAvgPool2d(output_size)}: output size int or (h, w), windows ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉. */
public class AdaptiveAvgPool2d extends Module {
    private final int[] outputSize;
    private final boolean givenAsInt;

    public AdaptiveAvgPool2d(int outputSize) {
        this(new int[]{outputSize, outputSize}, true);
    }

    public AdaptiveAvgPool2d(int outH, int outW) {
        this(new int[]{outH, outW}, false);
    }

    private AdaptiveAvgPool2d(int[] size, boolean givenAsInt) {
        for (int s : size) Args.positive("AdaptiveAvgPool2d", "output_size", s);
        this.outputSize = size;
        this.givenAsInt = givenAsInt;
    }

    public int[] outputSize() { return outputSize.clone(); }

    @Override public Tensor forward(Tensor x) { return F.adaptiveAvgPool2d(x, outputSize[0], outputSize[1]); }

    @Override public String extraRepr() { return "output_size=" + PyFormat.intOrTuple(outputSize, givenAsInt); }
}
