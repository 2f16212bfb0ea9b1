package dev.nnsh.ported;

import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.nn.F;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The functional forms and tensor ops issue 9 adds, on inputs PyTorch saved, against PyTorch's outputs. */
class FunctionalAgainstPyTorchTest {
    private static Tensor t(String name) { return Fixtures.tensor("functional", name); }

    private static void same(String name, Tensor got) { Fixtures.assertClose(t(name), got, 1e-5); }

    @Test void attention() {
        same("sdpa_mask", F.scaledDotProductAttention(t("q"), t("k"), t("v"), t("mask"), 0, false));
        same("sdpa_causal", F.scaledDotProductAttention(t("qc"), t("kc"), t("vc"), null, 0, true));
        same("einsum", Tensor.einsum("bhqd,bhkd->bhqk", t("q"), t("k")));
        same("einsum_ellipsis", Tensor.einsum("...qd,...kd->...qk", t("q"), t("k")));
        same("einsum_implicit", Tensor.einsum("b...i,b...i", t("x"), t("x")));
        Tensor shapes = F.scaledDotProductAttention(Tensor.shapeOnly(2, 2, 5, 4), Tensor.shapeOnly(2, 2, 6, 4), Tensor.shapeOnly(2, 2, 6, 3));
        assertArrayEquals(new long[]{2, 2, 5, 3}, shapes.shape());
        assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(t("q"), t("k"), t("v"), t("mask"), 0, true));
    }

    @Test void activations() {
        Tensor x = t("x");
        same("gelu_tanh", F.gelu(x, "tanh"));
        same("mish", F.mish(x));
        same("elu", F.elu(x, 0.7));
        same("hardsigmoid", F.hardsigmoid(x));
        same("hardswish", F.hardswish(x));
        same("silu", F.silu(x));
        same("leaky_relu", F.leakyRelu(x, 0.2));
        same("softplus", F.softplus(x));
        same("normalize", F.normalize(x, 2, 1));
    }

    @Test void pooling() {
        same("avg_pool1d", F.avgPool1d(t("x"), 3, 2, 1));
        same("adaptive_avg_pool1d", F.adaptiveAvgPool1d(t("x"), 3));
        same("adaptive_max_pool2d", F.adaptiveMaxPool2d(t("img"), 3, 2));
        assertArrayEquals(new long[]{2, 3, 3, 2}, F.adaptiveMaxPool2d(Tensor.shapeOnly(2, 3, 7, 5), 3, 2).shape());
    }

    @Test void lossesAndOneHot() {
        Tensor logits = t("x").select(2, 0);
        same("cross_entropy", F.crossEntropy(logits, t("target")));
        same("cross_entropy_ignored", F.crossEntropy(logits, t("target_ignored")));
        same("cross_entropy_sum", F.crossEntropy(logits, t("target"), -100, "sum"));
        same("nll_loss", F.nllLoss(logits.logSoftmax(1), t("target")));
        same("mse_loss", F.mseLoss(t("x"), t("x").flip(2)));
        Tensor oh = F.oneHot(t("target"), 5);
        assertEquals(DType.INT64, oh.dtype());
        assertArrayEquals(t("one_hot").toLongArray(), oh.toLongArray());
        assertArrayEquals(new long[]{3, 4}, F.oneHot(t("target")).shape());
        assertThrows(IllegalArgumentException.class, () -> F.oneHot(t("target"), 3));
    }

    @Test void tensorOps() {
        Tensor x = t("x");
        same("std_correction0", x.std(new int[]{2}, 0, false));
        same("var_dims", x.var(new int[]{0, 2}, 1, true));
        same("norm_dims", x.norm(3, new int[]{1, 2}, false));
        same("cumsum", x.cumsum(1));
        same("round", x.mul(2).round());
        same("erf", x.erf());
        same("topk_values", x.topk(3, 2).values());
        assertArrayEquals(t("topk_indices").toLongArray(), x.topk(3, 2).indices().toLongArray());
        same("linspace", Tensor.linspace(-1, 2, 7));
        same("arange_float", Tensor.arange(0.5, 3.0, 0.3));
    }
}
