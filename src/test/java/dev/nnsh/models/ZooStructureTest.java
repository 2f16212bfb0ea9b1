package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every zoo model has torchvision's parameter count and parameter names/shapes, in order. */
class ZooStructureTest {
    static Stream<Arguments> models() {
        return Stream.of(
                model("lenet5", Models::lenet5, 61_706L),
                model("alexnet", Models::alexnet, 61_100_840L),
                model("vgg11", Models::vgg11, 132_863_336L),
                model("vgg13", Models::vgg13, 133_047_848L),
                model("vgg16", Models::vgg16, 138_357_544L),
                model("vgg19", Models::vgg19, 143_667_240L),
                model("vgg11_bn", Models::vgg11Bn, 132_868_840L),
                model("vgg13_bn", Models::vgg13Bn, 133_053_736L),
                model("vgg16_bn", Models::vgg16Bn, 138_365_992L),
                model("vgg19_bn", Models::vgg19Bn, 143_678_248L),
                model("resnet18", Models::resnet18, 11_689_512L),
                model("resnet34", Models::resnet34, 21_797_672L),
                model("resnet50", Models::resnet50, 25_557_032L),
                model("resnet101", Models::resnet101, 44_549_160L),
                model("resnet152", Models::resnet152, 60_192_808L),
                model("mobilenet_v2", Models::mobilenetV2, 3_504_872L),
                model("squeezenet1_0", Models::squeezenet1_0, 1_248_424L),
                model("squeezenet1_1", Models::squeezenet1_1, 1_235_496L),
                model("densenet121", Models::densenet121, 7_978_856L));
    }

    static Arguments model(String name, Supplier<? extends Module> factory, long total) {
        return Arguments.of(name, factory, total);
    }

    static String resource(String file) {
        try (InputStream in = ZooStructureTest.class.getResourceAsStream("/zoo/" + file)) {
            if (in == null) throw new AssertionError("missing test resource zoo/" + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void totalParameterCount(String name, Supplier<? extends Module> factory, long total) {
        Module net = factory.get();
        assertEquals(total, net.numParams(), name);
        assertTrue(net.parameters().stream().noneMatch(Parameter::isMaterialized), "construction allocates nothing");
    }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void parameterNamesAndShapesMatchTorchvision(String name, Supplier<? extends Module> factory, long total) {
        StringBuilder actual = new StringBuilder();
        for (var e : factory.get().namedParameters().entrySet()) {
            actual.append(e.getKey()).append(' ').append(Arrays.toString(e.getValue().shape())).append('\n');
        }
        assertEquals(resource(name + ".params.txt"), actual.toString());
    }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void printsLikePyTorch(String name, Supplier<? extends Module> factory, long total) {
        assertEquals(resource(name + ".print.txt"), factory.get() + "\n");
    }

    @org.junit.jupiter.api.Test
    void numClassesChangesOnlyTheLastLayer() {
        // (in_features + 1) * classes for the last layer; the rest stays as with the default
        assertEquals(61_706L - 85 * 10 + 85 * 7, Models.lenet5(7).numParams());
        assertEquals(61_100_840L - 4097 * 1000 + 4097 * 10, Models.alexnet(10).numParams());
        assertEquals(138_357_544L - 4097 * 1000 + 4097 * 10, Models.vgg16(10).numParams());
        assertEquals(138_365_992L - 4097 * 1000 + 4097 * 10, Models.vgg16Bn(10).numParams());
        assertEquals(11_689_512L - 513 * 1000 + 513 * 10, Models.resnet18(10).numParams());
        assertEquals(25_557_032L - 2049 * 1000 + 2049 * 10, Models.resnet50(10).numParams());
        assertEquals(3_504_872L - 1281 * 1000 + 1281 * 10, Models.mobilenetV2(10).numParams());
        assertEquals(1_235_496L - 513 * 1000 + 513 * 10, Models.squeezenet1_1(10).numParams());
        assertEquals(7_978_856L - 1025 * 1000 + 1025 * 10, Models.densenet121(10).numParams());
    }
}
