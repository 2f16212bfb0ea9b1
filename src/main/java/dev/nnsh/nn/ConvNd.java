package dev.nnsh.nn;

import java.util.Arrays;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.ConvOps;
import dev.nnsh.tensor.PyFormat;

/**
 * What Conv1d, Conv2d and ConvTranspose2d share, like PyTorch's {@code _ConvNd}: channels, window
 * arguments (one entry per spatial dim), groups, bias, default initialisation and {@code extra_repr}.
 * {@code T} is the concrete layer, so fluent setters return it.
 */
public abstract class ConvNd<T extends ConvNd<T>> extends Module implements Windowed, Grouped {
    private final String layer;
    private final boolean transposed;
    protected final long inChannels;
    protected final long outChannels;
    protected int[] kernel;
    protected int[] stride;
    protected int[] padding;
    /** "same" or "valid" when padding was given as a string, else null. */
    protected String paddingMode;
    protected int[] dilation;
    protected int[] outputPadding;
    protected int groups = 1;
    protected boolean bias = true;

    protected ConvNd(String layer, long inChannels, long outChannels, int[] kernel, boolean transposed) {
        this.layer = layer;
        this.transposed = transposed;
        this.inChannels = Args.positive(layer, "in_channels", inChannels);
        this.outChannels = Args.positive(layer, "out_channels", outChannels);
        this.kernel = Args.positive(layer, "kernel_size", kernel.clone());
        int dims = kernel.length;
        stride = Args.filled(dims, 1);
        padding = Args.filled(dims, 0);
        dilation = Args.filled(dims, 1);
        outputPadding = Args.filled(dims, 0);
        resetParameters();
    }

    @SuppressWarnings("unchecked")
    private T self() { return (T) this; }

    public T stride(int s) { return setStride(Args.filled(kernel.length, s)); }

    public T padding(int p) { return setPadding(Args.filled(kernel.length, p)); }

    /** {@code "same"} (output size = input size; stride 1 only) or {@code "valid"} (no padding). */
    public T padding(String mode) {
        if (transposed) throw new IllegalArgumentException(layer + ": padding must be a number, got \"" + mode + "\"");
        if (!"same".equals(mode) && !"valid".equals(mode)) {
            throw new IllegalArgumentException(layer + ": padding must be \"same\", \"valid\" or a number, got \"" + mode + "\"");
        }
        padding = Args.filled(kernel.length, 0);
        paddingMode = mode;
        checkSame();
        return self();
    }

    public T dilation(int d) { return setDilation(Args.filled(kernel.length, d)); }

    public T groups(int g) {
        Args.positive(layer, "groups", g);
        if (inChannels % g != 0) throw new IllegalArgumentException(layer + ": in_channels (" + inChannels + ") must be divisible by groups (" + g + ")");
        if (outChannels % g != 0) throw new IllegalArgumentException(layer + ": out_channels (" + outChannels + ") must be divisible by groups (" + g + ")");
        groups = g;
        resetParameters();
        return self();
    }

    public T bias(boolean on) {
        bias = on;
        resetParameters();
        return self();
    }

    protected T setKernel(int[] k) {
        kernel = Args.positive(layer, "kernel_size", k);
        resetParameters();
        return self();
    }

    protected T setStride(int[] s) {
        stride = Args.positive(layer, "stride", s);
        checkSame();
        return self();
    }

    protected T setPadding(int[] p) {
        padding = Args.nonNegative(layer, "padding", p);
        paddingMode = null;
        return self();
    }

    protected T setDilation(int[] d) {
        dilation = Args.positive(layer, "dilation", d);
        return self();
    }

    protected T setOutputPadding(int[] p) {
        outputPadding = Args.nonNegative(layer, "output_padding", p);
        return self();
    }

    /** PyTorch's rule for transposed convs, checked where all arguments are known (constructor, forward). */
    protected void checkOutputPadding() { ConvOps.checkOutputPadding(layer, outputPadding, stride, dilation); }

    private void checkSame() {
        if ("same".equals(paddingMode) && Arrays.stream(stride).anyMatch(s -> s != 1)) {
            throw new IllegalArgumentException(layer + ": padding=\"same\" is not supported for strided convolutions (stride "
                    + PyFormat.tuple(stride) + ")");
        }
    }

    /** weight [out, in/groups, k...] ([in, out/groups, k...] when transposed); PyTorch's fan_in is weight.size(1)·∏k. */
    private void resetParameters() {
        long[] shape = new long[2 + kernel.length];
        shape[0] = transposed ? inChannels : outChannels;
        shape[1] = transposed ? outChannels / groups : inChannels / groups;
        long fanIn = shape[1];
        for (int i = 0; i < kernel.length; i++) {
            shape[2 + i] = kernel[i];
            fanIn *= kernel[i];
        }
        addParameter("weight", Init.kaimingUniformDefault(fanIn), shape);
        if (bias) addParameter("bias", Init.kaimingUniformDefault(fanIn), outChannels);
        else removeParameter("bias");
    }

    /** Padding {before, after} per spatial dim, flattened; "same" puts the odd extra element after, as PyTorch. */
    protected int[] effectivePadding() {
        int[] pads = new int[2 * kernel.length];
        for (int i = 0; i < kernel.length; i++) {
            int total = "same".equals(paddingMode) ? dilation[i] * (kernel[i] - 1) : 2 * padding[i];
            pads[2 * i] = total / 2;
            pads[2 * i + 1] = total - total / 2;
        }
        return pads;
    }

    public long inChannels() { return inChannels; }

    public long outChannels() { return outChannels; }

    @Override public int[] kernelSize() { return kernel.clone(); }

    @Override public int groups() { return groups; }

    @Override public int[] stride() { return stride.clone(); }

    @Override public int[] padding() {
        int[] pads = effectivePadding(), before = new int[kernel.length];
        for (int i = 0; i < before.length; i++) before[i] = pads[2 * i];
        return before;
    }

    /** "same" or "valid" when padding was given as a string, else null. */
    public String paddingMode() { return paddingMode; }

    @Override public int[] dilation() { return dilation.clone(); }

    public int[] outputPadding() { return outputPadding.clone(); }

    public boolean hasBias() { return bias; }

    @Override public String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(PyFormat.tuple(kernel)).append(", stride=").append(PyFormat.tuple(stride));
        if (paddingMode != null) sb.append(", padding=").append(paddingMode);
        else if (Arrays.stream(padding).anyMatch(p -> p != 0)) sb.append(", padding=").append(PyFormat.tuple(padding));
        if (Arrays.stream(dilation).anyMatch(d -> d != 1)) sb.append(", dilation=").append(PyFormat.tuple(dilation));
        if (Arrays.stream(outputPadding).anyMatch(p -> p != 0)) sb.append(", output_padding=").append(PyFormat.tuple(outputPadding));
        if (groups != 1) sb.append(", groups=").append(groups);
        if (!bias) sb.append(", bias=False");
        return sb.toString();
    }
}
