package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.nnsh.nn.BlockedConvChain;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): ZooNumericsTest's torchvision fixtures for the networks whose feature stacks can run in oneDNN's
 * blocked layout, checked to take the path expected (one blocked run per pass, or none) and to agree with torchvision's
 * output to 1e-4 of its largest magnitude, as ZooNumericsTest does (which runs them too, without checking the path).
 * Not blocked: the mnasnet fixture (its 32×32 input leaves a 5×5 depthwise convolution a 2×2 input, which only
 * oneDNN's reference kernel takes): it runs as before. efficientnet_v2's FusedMBConv without expansion activates before
 * its residual sum (a blocked add after the convolution).
 */
class BlockedZooNumericsTest {
    static Stream<Arguments> fixtures() {
        return ZooNumericsTest.fixtures().filter(a -> Stream.of("mobilenet_v3", "efficientnet_v1", "efficientnet_v2", "mnasnet")
                .anyMatch(a.get()[0]::equals));
    }

    private static final Map<String, Boolean> BLOCKED = Map.of("mobilenet_v3", true, "efficientnet_v1", true, "efficientnet_v2", true,
            "mnasnet", false);

    @ParameterizedTest(name = "{0}") @MethodSource("fixtures")
    void blockedRunMatchesTorchvision(String name, Supplier<Module> factory) throws IOException, java.net.URISyntaxException {
        Path dir = Path.of(BlockedZooNumericsTest.class.getResource("/zoo/numerics/" + name + "/keys.txt").toURI()).getParent();
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String key : Files.readAllLines(dir.resolve("keys.txt"))) state.put(key, Tensor.load(dir.resolve(key + ".npy")));
        Module net = factory.get();
        net.loadStateDict(state);
        net.eval();
        Tensor expected = Tensor.load(dir.resolve("expected.npy"));
        long before = BlockedConvChain.runs();
        Tensor out = net.apply(Tensor.load(dir.resolve("input.npy")));
        assertEquals(before + (BLOCKED.get(name) ? 1 : 0), BlockedConvChain.runs(), name + ": blocked runs");
        double magnitude = expected.nd().amaxNumber().doubleValue();
        double diff = out.sub(expected).nd().amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4 * Math.max(1, magnitude), name + ": max |difference| " + diff + " for outputs up to " + magnitude);
    }
}
