package dev.nnsh.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one random generator of the process, like PyTorch's default generator: every random tensor
 * and every lazy initialisation draws from it, whatever the thread. ND4J's own {@code Nd4j.getRandom()}
 * is per thread, and JShell runs each cell on a new thread, so a seed set in one cell would not
 * reach the next one.
 */
public final class Generator {
    private static Random random;

    private Generator() {}

    public static synchronized void manualSeed(long seed) {
        random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** Uniform in [0, 1). */
    public static synchronized INDArray uniform(DataType type, long... shape) {
        INDArray out = Nd4j.createUninitialized(type, shape);
        return Nd4j.rand(out, generator());
    }

    /** Standard normal. */
    public static synchronized INDArray normal(DataType type, long... shape) {
        INDArray out = Nd4j.createUninitialized(type, shape);
        return Nd4j.randn(out, generator());
    }

    private static Random generator() {
        if (random == null) random = Nd4j.getRandomFactory().getNewRandomInstance(System.nanoTime());
        return random;
    }
}
