package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Parameter counts for the same constructor arguments as PyTorch's (values from its formulas). */
class ParamCountTest {
    @Test void linear() {
        assertEquals((4096 + 1) * 1000L, new Linear(4096, 1000).numParams());
        assertEquals(4_097_000L, new Linear(4096, 1000).numParams());
        assertEquals(50L, new Linear(10, 5).bias(false).numParams());
        assertEquals(50L, new Linear(10, 5, false).numParams());
    }

    @Test void batchNormCountsWeightAndBiasButNotBuffers() {
        assertEquals(128L, new BatchNorm2d(64).numParams());
        assertEquals(20L, new BatchNorm1d(10).numParams());
        assertEquals(0L, new BatchNorm2d(64).affine(false).numParams());
    }

    @Test void embeddingLayerNormGroupNorm() {
        assertEquals(6_000L, new Embedding(20, 300).numParams());
        assertEquals(1_024L, new LayerNorm(512).numParams());
        assertEquals(2L * 3 * 4, new LayerNorm(3, 4).numParams());
        assertEquals(512L, new LayerNorm(512).bias(false).numParams());
        assertEquals(128L, new GroupNorm(8, 64).numParams());
    }

    @Test void parameterFreeLayers() {
        for (Module m : new Module[]{new Identity(), new ReLU6(), new LeakyReLU(), new GELU(), new SiLU(), new Sigmoid(),
                new Tanh(), new Hardswish(), new Softmax(1), new LogSoftmax(1), new Dropout(), new Dropout2d()}) {
            assertEquals(0L, m.numParams(), m.toString());
            assertTrue(m.namedBuffers().isEmpty(), m.toString());
        }
    }
}
