package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * x·relu6(x + 3)/6, {@code nn.Hardswish(inplace=False)}. PyTorch prints it as {@code Hardswish()}
 * whatever inplace is, so the flag is accepted and not shown.
 */
public class Hardswish extends Module {
    public Hardswish() {}

    public Hardswish(boolean inplace) {}

    public Hardswish inplace(boolean on) { return this; }

    @Override public Tensor forward(Tensor x) { return F.hardswish(x); }
}
