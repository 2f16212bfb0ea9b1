package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlLayerNorm;
import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.ops.fast.DnnlLinearResidual;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Eval-mode blocks that normalise over channels, run channels-last end to end (issue 11, tf): the
 * permutes to and from [N, H, W, C] become views of channels-last memory instead of copies.
 * {@link #convNeXt} is ConvNeXt's block as five steps (the depthwise convolution writing
 * channels-last, LayerNorm in place of the permute, Linear → GELU fused, then the second Linear with
 * the layer scale and the residual as post-ops); {@link #layerNorm2d} is LayerNorm over the channels
 * of [N, C, H, W]. Both return [N, C, H, W] views of channels-last memory, or null where they do not
 * apply (training, other module classes, dtypes or shapes, the fast paths off, -Dnnsh.tf.blocks=off);
 * the caller then runs the modules as before. Values equal the separate calls within float rounding.
 */
public final class ChannelsLastBlocks {
    private ChannelsLastBlocks() {}

    private static boolean on() { return !"off".equals(System.getProperty("nnsh.tf.blocks")); }

    /**
     * x + γ·fc2(act(fc1(norm(conv(x)) as channels-last))), the block torchvision's CNBlock computes
     * through Permute modules, for x [N, C, H, W] and layerScale [C, 1, 1].
     */
    public static Tensor convNeXt(Module conv, Module norm, Module fc1, Module act, Module fc2, Tensor layerScale, Tensor x) {
        if (!on() || !ConvFusion.active(x) || !DnnlLinear.enabled() || !DnnlLayerNorm.enabled()) return null;
        if (norm.getClass() != LayerNorm.class || fc1.getClass() != Linear.class || act.getClass() != GELU.class
                || fc2.getClass() != Linear.class || norm.isTraining() || fc1.isTraining() || fc2.isTraining()) return null;
        if ("off".equals(System.getProperty("nnsh.fuse.gelu"))) return null;
        LayerNorm ln = (LayerNorm) norm;
        long c = x.size(1);
        if (ln.normalizedShape().length != 1 || ln.normalizedShape()[0] != c || layerScale.isShapeOnly()
                || layerScale.dtype() != DType.FLOAT32 || layerScale.numel() != c) return null;
        Linear first = (Linear) fc1, second = (Linear) fc2;
        if (first.inFeatures() != c || second.outFeatures() != c || second.inFeatures() != first.outFeatures()) return null;
        Tensor y = ConvFusion.run(conv, null, null, x, null);
        if (y == null || y.dim() != 4 || y.size(1) != c) return null;
        DnnlPostOps gelu = "tanh".equals(((GELU) act).approximate()) ? DnnlPostOps.GELU_TANH : DnnlPostOps.GELU_ERF;
        Tensor[] p = {param(ln, "weight", x), param(ln, "bias", x), param(first, "weight", x), param(first, "bias", x),
                param(second, "weight", x), param(second, "bias", x)};
        for (Tensor t : p) if (t != null && (t.isShapeOnly() || t.dtype() != DType.FLOAT32)) return null;
        INDArray normed = layerNormChannels(y.nd(), p[0], p[1], ln.eps());
        if (normed == null) return null;
        NativeBuffers.release(y, "ConvNeXt block");
        INDArray hidden = DnnlLinear.linear(normed, p[2].nd(), p[3] == null ? null : p[3].nd(), gelu);
        NativeBuffers.release(Tensor.of(normed), "ConvNeXt block");
        if (hidden == null) return null;
        INDArray residual = channelsLastDense(x.nd());
        INDArray out = DnnlLinearResidual.linear(hidden, p[4].nd(), p[5] == null ? null : p[5].nd(),
                layerScale.nd().reshape('c', new long[]{c}), residual);
        NativeBuffers.release(Tensor.of(hidden), "ConvNeXt block");
        if (out == null) return null;
        return Tensor.of(out.permute(0, 3, 1, 2));
    }

    /** LayerNorm over the channels of x [N, C, H, W] (torchvision's LayerNorm2d), or null where it does not apply. */
    public static Tensor layerNorm2d(LayerNorm ln, Tensor x) {
        if (!on() || x.isShapeOnly() || x.dtype() != DType.FLOAT32 || x.dim() != 4 || ln.isTraining() || !DnnlLayerNorm.enabled()) return null;
        if (ln.normalizedShape().length != 1 || ln.normalizedShape()[0] != x.size(1)) return null;
        Tensor w = param(ln, "weight", x), b = param(ln, "bias", x);
        if (w != null && (w.isShapeOnly() || w.dtype() != DType.FLOAT32) || b != null && (b.isShapeOnly() || b.dtype() != DType.FLOAT32)) return null;
        INDArray normed = layerNormChannels(x.nd(), w, b, ln.eps());
        return normed == null ? null : Tensor.of(normed.permute(0, 3, 1, 2));
    }

    /** LayerNorm over dim 1 of an [N, C, H, W] array, as a dense [N, H, W, C] array. */
    private static INDArray layerNormChannels(INDArray x, Tensor w, Tensor b, double eps) {
        INDArray nhwc = channelsLastDense(x);
        return DnnlLayerNorm.layerNorm(nhwc, x.size(1), w == null ? null : w.nd().reshape('c', new long[]{x.size(1)}),
                b == null ? null : b.nd().reshape('c', new long[]{x.size(1)}), eps);
    }

    /** x [N, C, H, W] as its [N, H, W, C] view when that is dense, else as a dense copy. */
    private static INDArray channelsLastDense(INDArray x) {
        INDArray view = x.permute(0, 2, 3, 1);
        long expected = 1;
        long[] s = view.stride(), d = view.shape();
        for (int i = 3; i >= 0; i--) {
            if (d[i] != 1 && s[i] != expected) return view.dup('c');
            expected *= d[i];
        }
        return view;
    }

    private static Tensor param(Module m, String name, Tensor like) {
        Parameter p = m.ownParameters().get(name);
        return p == null ? null : p.valueFor(like);
    }
}
