package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.ops.PadOps;
import dev.nnsh.tensor.Tensor;

/** Zero padding of the last two dims, {@code nn.ZeroPad2d(padding)}: one int or (left, right, top, bottom). */
public class ZeroPad2d extends Module {
    private final int[] padding;

    public ZeroPad2d(int padding) { this(padding, padding, padding, padding); }

    public ZeroPad2d(int left, int right, int top, int bottom) { this.padding = new int[]{left, right, top, bottom}; }

    @Override public Tensor forward(Tensor x) { return PadOps.pad(x, padding, "constant", 0); }

    @Override public String extraRepr() { return PyFormat.tuple(padding); }
}
