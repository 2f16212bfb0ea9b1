package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.nn.AdaptiveAvgPool3d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.BlockedDenseBlock;
import dev.nnsh.nn.BatchNorm3d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Conv3d;
import dev.nnsh.nn.MaxPool3d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One reduced member (or a few blocks) per family, on torchvision's weights and outputs
 * (src/test/resources/zoo/numerics, made by tools/generate_zoo_numeric_fixtures.py): the state
 * dict loads by torchvision's names and shapes and the eval-mode output agrees to 1e-4 relative.
 */
class ZooNumericsTest {
    static Stream<Arguments> fixtures() {
        return Stream.of(
                fixture("resnext_blocks", () -> new Sequential(
                        new ResNet.Bottleneck(16, 8, 2, new Sequential(new Conv2d(16, 32, 1, 2).bias(false), new BatchNorm2d(32)), 4, 16),
                        new ResNet.Bottleneck(32, 8, 1, null, 4, 16))),
                fixture("densenet", () -> new DenseNet(8, new int[]{2, 2}, 16, 2, 10)),
                fixture("densenet_blocked", () -> new DenseNet(16, new int[]{2, 2}, 32, 2, 10)),
                fixture("mobilenet_v3", () -> new MobileNetV3(new MobileNetV3.Config[]{
                        new MobileNetV3.Config(16, 3, 16, 16, true, false, 2), new MobileNetV3.Config(16, 3, 48, 24, false, true, 2),
                        new MobileNetV3.Config(24, 5, 72, 24, true, true, 1)}, 64, 10, 0.2)),
                fixture("efficientnet_v1", () -> new EfficientNet(new EfficientNet.Stage[]{
                        EfficientNet.Stage.mb(1, 3, 1, 16, 16, 1, 1, 1), EfficientNet.Stage.mb(6, 5, 2, 16, 24, 2, 1, 1)},
                        0.2, 0.2, 10, EfficientNet.BN, 0)),
                fixture("efficientnet_v2", () -> new EfficientNet(new EfficientNet.Stage[]{
                        new EfficientNet.Stage(1, 3, 1, 16, 16, 2, true), new EfficientNet.Stage(4, 3, 2, 16, 24, 1, true),
                        new EfficientNet.Stage(4, 3, 2, 24, 32, 1, false)}, 0.2, 0.2, 10, EfficientNet.BN_EPS_1E3, 64)),
                fixture("mnasnet", () -> new MNASNet(0.1, 10, 0.2)),
                fixture("regnet_y", () -> new RegNet(RegNet.Stages.of(3, 16, 16.0, 2.0, 8, 0.25), 10)),
                fixture("googlenet_inception", () -> new Sequential(new GoogLeNet.Inception(16, 8, 8, 16, 4, 8, 8))),
                fixture("inception_v3_blocks", () -> new Sequential(new Inception3.InceptionA(16, 8), new Inception3.InceptionC(232, 8))),
                fixture("convnext", () -> new ConvNeXt(new ConvNeXt.Stage[]{new ConvNeXt.Stage(16, 32, 1), new ConvNeXt.Stage(32, 0, 2)},
                        0.1, 1e-6, 10)),
                fixture("video_blocks", () -> new Sequential(new VideoResNet.R2Plus1dStem(),
                        new VideoResNet.BasicBlock(64, 16, VideoResNet.ConvKind.TWO_PLUS_ONE, 2,
                                new Sequential(new Conv3d(64, 16, 1).stride(2, 2, 2).bias(false), new BatchNorm3d(16))),
                        new VideoResNet.BasicBlock(16, 16, VideoResNet.ConvKind.NO_TEMPORAL, 1, null),
                        new VideoResNet.BasicBlock(16, 16, VideoResNet.ConvKind.SIMPLE, 1, null),
                        new MaxPool3d(3, 1, 1), new AdaptiveAvgPool3d(1, 2, 2))),
                fixture("vit", () -> new VisionTransformer(32, 8, 2, 2, 16, 32, 0.0, 0.0, 10)),
                fixture("swin", () -> new SwinTransformer(4, 16, new int[]{2, 2}, new int[]{2, 4}, 4, 0.1, 10, false)),
                fixture("swin_v2", () -> new SwinTransformer(4, 16, new int[]{2, 2}, new int[]{2, 4}, 4, 0.1, 10, true)),
                fixture("maxvit", () -> new MaxVit(32, 8, 2, new int[]{16, 32}, new int[]{1, 2}, 8, 0.2, 10)),
                fixture("shufflenet_v2", () -> new ShuffleNetV2(new int[]{2, 2, 1}, new int[]{8, 16, 32, 64, 64}, 10)));
    }

    static Arguments fixture(String name, Supplier<Module> factory) { return Arguments.of(name, factory); }

    private static Path folder(String name) {
        try {
            return Path.of(ZooNumericsTest.class.getResource("/zoo/numerics/" + name + "/keys.txt").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing fixture zoo/numerics/" + name, e);
        }
    }

    @ParameterizedTest(name = "{0}") @MethodSource("fixtures")
    void outputMatchesTorchvisionOnTheSameWeights(String name, Supplier<Module> factory) throws IOException {
        assertMatchesFixture(name, factory.get());
    }

    /** The fixture whose channel counts are whole blocks of 16 is the one that checks the nChw16c dense blocks against torchvision. */
    @Test void denseBlocksInTheBlockedLayoutMatchTorchvision() throws IOException {
        long before = BlockedDenseBlock.runs();
        assertMatchesFixture("densenet_blocked", new DenseNet(16, new int[]{2, 2}, 32, 2, 10));
        assertEquals(before + 2, BlockedDenseBlock.runs(), "both dense blocks should have run with their concatenation in nChw16c");
    }

    private static void assertMatchesFixture(String name, Module net) throws IOException {
        Path dir = folder(name);
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String key : Files.readAllLines(dir.resolve("keys.txt"))) state.put(key, Tensor.load(dir.resolve(key + ".npy")));
        net.loadStateDict(state);
        net.eval();
        Tensor expected = Tensor.load(dir.resolve("expected.npy"));
        Tensor out = net.apply(Tensor.load(dir.resolve("input.npy")));
        assertArrayEquals(expected.shape(), out.shape(), name);
        double magnitude = expected.nd().amaxNumber().doubleValue();
        double diff = out.sub(expected).nd().amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4 * Math.max(1, magnitude), name + ": max |difference| " + diff + " for outputs up to " + magnitude);
    }
}
