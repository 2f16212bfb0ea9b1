package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModuleBuffersAndInitTest {
    /** A causal mask as a lazy buffer, positions from arange inside forward, a class token parameter. */
    static class Causal extends Module {
        final int block = 8;
        Embedding pos = new Embedding(block, 4);
        Parameter token = new Parameter(() -> Tensor.zeros(1, 1, 4));
        Buffer bias = registerBuffer("bias", () -> Tensor.ones(block, block).tril().view(1, 1, block, block));
        Buffer scratch = registerBuffer("scratch", () -> Tensor.zeros(2), false);

        @Override public Tensor forward(Tensor x) {           // x: [B, T, T] scores
            long t = x.size(1);
            Tensor att = x.unsqueeze(1).maskedFill(buffer("bias").get(":, :, :" + t + ", :" + t).eq(0), Double.NEGATIVE_INFINITY);
            Tensor p = pos.apply(Tensor.arange(0, t));         // [T, 4]
            Tensor cls = param("token").expand(x.size(0), -1, -1);
            return Tensor.cat(1, cls, p.unsqueeze(0).expand(x.size(0), -1, -1)).sum(new int[]{1, 2}, false)
                    .view(-1, 1, 1, 1).add(att.softmax(-1));
        }
    }

    @Test void aShapeOnlyPassMaterialisesNoParameterAndNoBuffer() {
        Causal m = new Causal();
        Tensor out = m.apply(Tensor.shapeOnly(2, 5, 5));
        assertTrue(out.isShapeOnly());
        assertArrayEquals(new long[]{2, 1, 5, 5}, out.shape());
        for (Parameter p : m.parameters()) assertFalse(p.isMaterialized(), p.toString());
        for (Buffer b : m.buffers()) assertFalse(b.isMaterialized(), b.toString());
        assertArrayEquals(new long[]{1, 1, 8, 8}, m.bias.shape());
    }

    @Test void aRealPassUsesTheBufferValues() {
        Causal m = new Causal();
        Tensor out = m.apply(Tensor.zeros(1, 3, 3));
        float[] v = out.toFloatArray();
        // the token is zero; position rows sum up; softmax over the allowed positions of each row
        float shift = (float) m.pos.weight().data().narrow(0, 0, 3).sum().item();
        assertEquals(shift + 1f, v[0], 1e-5);
        assertEquals(shift, v[1], 1e-5);
        assertEquals(shift + 0.5f, v[3], 1e-5);
        assertEquals(shift + 1f / 3, v[8], 1e-5);
        assertTrue(m.bias.isMaterialized());
    }

    @Test void buffersAreInTheStateDictUnlessNotPersistent() {
        Causal m = new Causal();
        assertEquals(List.of("bias", "scratch"), new ArrayList<>(m.namedBuffers().keySet()));
        assertEquals(List.of("token", "bias", "pos.weight"), new ArrayList<>(m.stateDict().keySet())); // PyTorch: own first, then children
        var state = m.stateDict();
        Causal other = new Causal();
        other.loadStateDict(state);
        assertArrayEquals(state.get("bias").toFloatArray(), other.bias.data().toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> m.registerBuffer("token", Tensor.zeros(1)));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test void registerParameterModulesForEachModuleTypedGet() {
        Sequential s = new Sequential(new Linear(2, 3), new ReLU());
        Parameter scale = s.registerParameter("scale", new Parameter(Tensor.of(new float[]{2f})));
        assertEquals("scale", scale.name());
        assertEquals(2f, s.namedParameters().get("scale").data().item());
        assertEquals(3, s.modules().size());
        List<String> visited = new ArrayList<>();
        s.forEachModule(mod -> visited.add(mod.typeName()));
        assertEquals(List.of("Linear", "ReLU", "Sequential"), visited);
        ModuleList list = new ModuleList(new Linear(1, 2), new ReLU());
        Linear first = list.get(0, Linear.class);
        assertEquals(2, first.weight().shape()[0]);
        var e = assertThrows(ClassCastException.class, () -> list.get(1, Linear.class));
        assertTrue(e.getMessage().contains("is a ReLU, not a Linear"), e.getMessage());
        LayerNorm ln = new LayerNorm(6).eps(1e-6);
        assertEquals(1e-6, ln.eps());
        assertArrayEquals(new long[]{6}, ln.weight().shape());
        assertEquals(3, new GroupNorm(3, 12).numGroups());
        assertNull(new Linear(2, 3, false).bias());
        assertEquals("tanh", new GELU("tanh").approximate());
        assertEquals(2, new Flatten(2, -1).startDim());
        assertEquals(64, new MultiheadAttention(64, 4).kdim());
        assertEquals(128, new TransformerEncoderLayer(32, 4, 128).dimFeedforward());
        assertTrue(new LSTM(4, 8).bidirectional(true).bidirectional());
        s.requiresGrad_(false);
        for (Parameter p : s.parameters()) assertFalse(p.requiresGrad());
    }

    @Test void initFunctionsAreLazyAndFollowPyTorchsFanRules() {
        Tensor.manualSeed(7);
        Linear l = new Linear(300, 200);
        Init.kaimingUniform_(l.weight(), 0, "fan_in", "relu");
        assertFalse(l.weight().isMaterialized());
        double bound = Math.sqrt(2.0) * Math.sqrt(3.0 / 300);
        float[] w = l.weight().data().toFloatArray();
        double max = 0;
        for (float f : w) max = Math.max(max, Math.abs(f));
        assertTrue(max <= bound && max > 0.98 * bound, "max " + max + " bound " + bound);

        Conv2d c = new Conv2d(4, 8, 3);
        assertArrayEquals(new long[]{36, 72}, InitRules.fans(c.weight().shape(), "t"));
        Init.xavierNormal_(c.weight());
        double std = Math.sqrt(2.0 / (36 + 72));
        assertEquals(std, c.weight().data().std().item(), 0.15 * std);

        Parameter p = new Parameter(() -> Tensor.zeros(1000));
        Init.truncNormal_(p, 0, 1, -0.5, 0.5);
        for (float f : p.data().toFloatArray()) assertTrue(f >= -0.5 && f <= 0.5);
        Init.constant_(p, 3);
        assertEquals(3000, p.data().sum().item(), 0);
        Init.zeros_(l.bias());
        assertEquals(0, l.bias().data().abs().sum().item());
        Parameter sq = new Parameter(() -> Tensor.zeros(3, 3));
        Init.eye_(sq);
        assertArrayEquals(Tensor.eye(3).toFloatArray(), sq.data().toFloatArray());
        Parameter o = new Parameter(() -> Tensor.zeros(3, 5));
        Init.orthogonal_(o);
        Tensor q = o.data();
        float[] gram = q.matmul(q.transpose(0, 1)).toFloatArray();
        float[] id = Tensor.eye(3).toFloatArray();
        for (int i = 0; i < 9; i++) assertEquals(id[i], gram[i], 1e-5);
        Init.uniform_(l.bias(), -0.1, 0.1);
        for (float f : l.bias().data().toFloatArray()) assertTrue(f >= -0.1 && f < 0.1);
        Init.normal_(p, 5, 0.01);
        assertEquals(5, p.data().mean().item(), 0.01);
        assertEquals(5.0 / 3, Init.calculateGain("tanh"), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform_(l.bias()));
        assertTrue(e.getMessage().contains("fewer than 2 dimensions"), e.getMessage());
        assertEquals(DType.FLOAT32, p.dtype());
    }
}
