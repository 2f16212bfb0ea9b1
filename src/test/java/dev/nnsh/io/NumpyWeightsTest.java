package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.nnsh.tensor.Tensor;

/** np.savez_compressed archives and folders of .npy files. */
class NumpyWeightsTest {
    @Test void compressedNpzLoadsBitForBitInArchiveOrder() {
        Map<String, Tensor> state = Weights.load(Fixtures.file("tiny_resnet.npz"));
        Fixtures.assertAllMatchNpy(state, "tiny_resnet_npy", new TinyResNet().stateDict().keySet());
    }

    @Test void folderOfNpyLoadsInNameOrder() {
        Map<String, Tensor> state = Weights.load(Fixtures.file("dtypes_npy"));
        Fixtures.assertAllMatchNpy(state, "dtypes_npy", new TreeSet<>(TorchCheckpointTest.DTYPE_KEYS));
    }
}
