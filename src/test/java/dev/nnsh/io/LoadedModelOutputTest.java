package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import dev.nnsh.models.Models;
import dev.nnsh.nn.IncompatibleKeys;
import dev.nnsh.tensor.Tensor;

/** A network loaded from PyTorch's checkpoint computes PyTorch's output (within 1e-5 relative). */
class LoadedModelOutputTest {
    @Test void leNetFromPthSafetensorsAndNpyFolder() {
        Tensor input = Tensor.load(Fixtures.file("lenet_input.npy"));
        Tensor expected = Tensor.load(Fixtures.file("lenet_output.npy"));
        for (String source : new String[]{"lenet.pth", "lenet.safetensors", "lenet_npy"}) {
            var net = Models.lenet5();
            IncompatibleKeys result = net.loadWeights(Fixtures.file(source));
            assertTrue(result.allMatched(), result.toString());
            net.eval();
            double error = Fixtures.relativeError(expected, net.apply(input));
            assertTrue(error <= 1e-5, source + ": relative error " + error);
        }
    }

    @Test void tinyResNetFromCheckpointDictAndNpz() {
        Tensor input = Tensor.load(Fixtures.file("image_normalized.npy")).unsqueeze(0);
        Tensor expected = Tensor.load(Fixtures.file("tiny_resnet_output.npy"));
        for (String source : new String[]{"tiny_resnet.pth", "tiny_resnet.npz"}) {
            var net = new TinyResNet();
            net.loadWeights(Fixtures.file(source));
            net.eval();
            double error = Fixtures.relativeError(expected, net.apply(input));
            assertTrue(error <= 1e-5, source + ": relative error " + error);
        }
    }
}
