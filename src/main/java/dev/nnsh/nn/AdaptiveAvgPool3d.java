package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.ops.Args;
import dev.nnsh.ops.ResampleOps;
import dev.nnsh.tensor.Tensor;

/** {@code nn.AdaptiveAvgPool3d(output_size)} over [N, C, D, H, W]: windows ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉ per dim. */
public class AdaptiveAvgPool3d extends Module {
    private final int[] outputSize;
    private final boolean givenAsInt;

    public AdaptiveAvgPool3d(int outputSize) { this(new int[]{outputSize, outputSize, outputSize}, true); }

    public AdaptiveAvgPool3d(int outD, int outH, int outW) { this(new int[]{outD, outH, outW}, false); }

    private AdaptiveAvgPool3d(int[] size, boolean givenAsInt) {
        for (int s : size) Args.positive("AdaptiveAvgPool3d", "output_size", s);
        this.outputSize = size;
        this.givenAsInt = givenAsInt;
    }

    public int[] outputSize() { return outputSize.clone(); }

    @Override public Tensor forward(Tensor x) { return ResampleOps.adaptiveAvgPool3d(typeName(), x, outputSize); }

    @Override public String extraRepr() { return "output_size=" + PyFormat.intOrTuple(outputSize, givenAsInt); }
}
