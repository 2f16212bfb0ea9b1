package dev.nnsh.models.vision;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/** torchvision's {@code Permute(dims)}: the input with its dimensions reordered (PyTorch prints it as {@code Permute()}). */
public class Permute extends Module {
    private final int[] dims;

    public Permute(int... dims) { this.dims = dims.clone(); }

    public int[] dims() { return dims.clone(); }

    @Override public Tensor forward(Tensor x) { return x.permute(dims); }
}
