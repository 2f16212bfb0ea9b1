package dev.nnsh.models.vision;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/** torchvision's {@code Permute(dims)}: the input with its dimensions reordered (PyTorch prints it as {@code Permute()}). */
public class Permute extends Module implements dev.nnsh.nn.ChannelsLastConsumer { // issue 11 (tf)
    private final int[] dims;

    public Permute(int... dims) { this.dims = dims.clone(); }

    public int[] dims() { return dims.clone(); }

    /** issue 11 (tf): to [N, H, W, C] from a 4-d input: a view when the input lies channels-last. */
    @Override public boolean prefersChannelsLast() {
        return dims.length == 4 && dims[0] == 0 && dims[1] == 2 && dims[2] == 3 && dims[3] == 1;
    }

    @Override public Tensor forward(Tensor x) {
        Tensor view = denseView(x); // issue 11 (tf)
        return view != null ? view : x.permute(dims);
    }

    /**
     * issue 11 (tf): when the permuted order is how x's memory already lies (a channels-last
     * convolution result permuted to [N, H, W, C], a channels-last block's output permuted back), the
     * permuted view of x, as PyTorch's permute gives, instead of a copy; null otherwise, or with
     * -Dnnsh.tf.permute=off. The memory stays shared, which the intermediate release checks for.
     */
    private Tensor denseView(Tensor x) {
        if (x.isShapeOnly() || x.dim() != dims.length || !dev.nnsh.tensor.InPlace.enabled()
                || "off".equals(System.getProperty("nnsh.tf.permute"))) return null;
        boolean[] seen = new boolean[dims.length];
        for (int d : dims) {
            if (d < 0 || d >= dims.length || seen[d]) return null; // negative, bad or repeated dims: Tensor.permute normalises or reports them
            seen[d] = true;
        }
        var view = x.nd().permute(dims);
        long expected = 1;
        long[] s = view.stride(), d = view.shape();
        for (int i = d.length - 1; i >= 0; i--) {
            if (d[i] != 1 && s[i] != expected) return null;
            expected *= d[i];
        }
        return Tensor.of(view);
    }
}
