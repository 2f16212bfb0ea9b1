package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.ops.Args;
import dev.nnsh.ops.ResampleOps;
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

    @Override public Tensor forward(Tensor x) { return ResampleOps.adaptiveMaxPool2d(typeName(), x, outputSize[0], outputSize[1]); }

    @Override public String extraRepr() { return "output_size=" + PyFormat.intOrTuple(outputSize, givenAsInt); }
}
