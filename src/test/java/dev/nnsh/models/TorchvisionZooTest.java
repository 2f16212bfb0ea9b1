package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.nnsh.Nnsh;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import dev.nnsh.summary.ModelStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The torchvision 0.14 zoo beyond the classics: for every factory, the depth-3 summary equals
 * torchinfo's table for the torchvision model (shape-only, so nothing is allocated), the parameter
 * names, shapes and total equal torchvision's; print(model) is compared for the models listed in
 * {@link #printed()}. References: src/test/resources/zoo/*.torchinfo.out, *.params.txt, *.print.txt,
 * written by tools/torchinfo_zoo_references.py.
 */
class TorchvisionZooTest {
    static final long[] IMAGE = {1, 3, 224, 224};

    static Stream<Arguments> models() {
        return Stream.of(
                model("resnext50_32x4d", Models::resnext50_32x4d, 25_028_904L),
                model("resnext101_32x8d", Models::resnext101_32x8d, 88_791_336L),
                model("resnext101_64x4d", Models::resnext101_64x4d, 83_455_272L),
                model("wide_resnet50_2", Models::wideResnet50_2, 68_883_240L),
                model("wide_resnet101_2", Models::wideResnet101_2, 126_886_696L),
                model("densenet161", Models::densenet161, 28_681_000L),
                model("densenet169", Models::densenet169, 14_149_480L),
                model("densenet201", Models::densenet201, 20_013_928L),
                model("mobilenet_v3_large", Models::mobilenetV3Large, 5_483_032L),
                model("mobilenet_v3_small", Models::mobilenetV3Small, 2_542_856L),
                model("efficientnet_b0", Models::efficientnetB0, 5_288_548L),
                model("efficientnet_b1", Models::efficientnetB1, 7_794_184L),
                model("efficientnet_b2", Models::efficientnetB2, 9_109_994L),
                model("efficientnet_b3", Models::efficientnetB3, 12_233_232L),
                model("efficientnet_b4", Models::efficientnetB4, 19_341_616L),
                model("efficientnet_b5", Models::efficientnetB5, 30_389_784L),
                model("efficientnet_b6", Models::efficientnetB6, 43_040_704L),
                model("efficientnet_b7", Models::efficientnetB7, 66_347_960L),
                model("efficientnet_v2_s", Models::efficientnetV2S, 21_458_488L),
                model("efficientnet_v2_m", Models::efficientnetV2M, 54_139_356L),
                model("efficientnet_v2_l", Models::efficientnetV2L, 118_515_272L),
                model("mnasnet0_5", Models::mnasnet0_5, 2_218_512L),
                model("mnasnet0_75", Models::mnasnet0_75, 3_170_208L),
                model("mnasnet1_0", Models::mnasnet1_0, 4_383_312L),
                model("mnasnet1_3", Models::mnasnet1_3, 6_282_256L),
                model("regnet_x_400mf", Models::regnetX400mf, 5_495_976L),
                model("regnet_x_800mf", Models::regnetX800mf, 7_259_656L),
                model("regnet_x_1_6gf", Models::regnetX1_6gf, 9_190_136L),
                model("regnet_x_3_2gf", Models::regnetX3_2gf, 15_296_552L),
                model("regnet_x_8gf", Models::regnetX8gf, 39_572_648L),
                model("regnet_x_16gf", Models::regnetX16gf, 54_278_536L),
                model("regnet_x_32gf", Models::regnetX32gf, 107_811_560L),
                model("regnet_y_400mf", Models::regnetY400mf, 4_344_144L),
                model("regnet_y_800mf", Models::regnetY800mf, 6_432_512L),
                model("regnet_y_1_6gf", Models::regnetY1_6gf, 11_202_430L),
                model("regnet_y_3_2gf", Models::regnetY3_2gf, 19_436_338L),
                model("regnet_y_8gf", Models::regnetY8gf, 39_381_472L),
                model("regnet_y_16gf", Models::regnetY16gf, 83_590_140L),
                model("regnet_y_32gf", Models::regnetY32gf, 145_046_770L),
                model("regnet_y_128gf", Models::regnetY128gf, 644_812_894L),
                model("googlenet", Models::googlenet, 13_004_888L),
                model("inception_v3", Models::inceptionV3, 27_161_264L),
                model("convnext_tiny", Models::convnextTiny, 28_589_128L),
                model("convnext_small", Models::convnextSmall, 50_223_688L),
                model("convnext_base", Models::convnextBase, 88_591_464L),
                model("convnext_large", Models::convnextLarge, 197_767_336L),
                model("r3d_18", Models::r3d18, 33_371_472L),
                model("mc3_18", Models::mc3_18, 11_695_440L),
                model("r2plus1d_18", Models::r2plus1d18, 31_505_325L),
                model("shufflenet_v2_x0_5", Models::shufflenetV2X0_5, 1_366_792L),
                model("shufflenet_v2_x1_0", Models::shufflenetV2X1_0, 2_278_604L),
                model("shufflenet_v2_x1_5", Models::shufflenetV2X1_5, 3_503_624L),
                model("shufflenet_v2_x2_0", Models::shufflenetV2X2_0, 7_393_996L),
                model("vit_b_16", Models::vitB16, 86_567_656L),
                model("vit_b_32", Models::vitB32, 88_224_232L),
                model("vit_l_16", Models::vitL16, 304_326_632L),
                model("vit_l_32", Models::vitL32, 306_535_400L),
                model("vit_h_14", Models::vitH14, 632_045_800L),
                model("swin_t", Models::swinT, 28_288_354L),
                model("swin_s", Models::swinS, 49_606_258L),
                model("swin_b", Models::swinB, 87_768_224L),
                model("swin_v2_t", Models::swinV2T, 28_351_570L),
                model("swin_v2_s", Models::swinV2S, 49_737_442L),
                model("swin_v2_b", Models::swinV2B, 87_930_848L),
                model("maxvit_t", Models::maxvitT, 30_919_624L)
        );
    }

    /** One member per family (at least) whose print(model) is compared. */
    static Stream<Arguments> printed() {
        return Stream.of(
                model("resnext50_32x4d", Models::resnext50_32x4d, 0),
                model("wide_resnet50_2", Models::wideResnet50_2, 0),
                model("densenet161", Models::densenet161, 0),
                model("mobilenet_v3_small", Models::mobilenetV3Small, 0),
                model("efficientnet_b0", Models::efficientnetB0, 0),
                model("efficientnet_v2_s", Models::efficientnetV2S, 0),
                model("mnasnet0_5", Models::mnasnet0_5, 0),
                model("regnet_x_400mf", Models::regnetX400mf, 0),
                model("regnet_y_400mf", Models::regnetY400mf, 0),
                model("googlenet", Models::googlenet, 0),
                model("inception_v3", Models::inceptionV3, 0),
                model("convnext_tiny", Models::convnextTiny, 0),
                model("r3d_18", Models::r3d18, 0),
                model("mc3_18", Models::mc3_18, 0),
                model("r2plus1d_18", Models::r2plus1d18, 0),
                model("shufflenet_v2_x1_0", Models::shufflenetV2X1_0, 0),
                model("vit_b_16", Models::vitB16, 0),
                model("swin_t", Models::swinT, 0),
                model("swin_v2_t", Models::swinV2T, 0),
                model("maxvit_t", Models::maxvitT, 0)
        );
    }

    static Arguments model(String name, Supplier<? extends Module> factory, long total) {
        return Arguments.of(name, factory, total);
    }

    static long[] inputSize(String name) {
        return switch (name) {
            case "inception_v3" -> new long[]{2, 3, 299, 299};
            case "r3d_18", "mc3_18", "r2plus1d_18" -> new long[]{1, 3, 16, 112, 112};
            default -> IMAGE;
        };
    }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void summaryIsTorchinfos(String name, Supplier<? extends Module> factory, long total) {
        Module net = factory.get();
        ModelStatistics stats = Nnsh.summary(net, Nnsh.options().inputSize(inputSize(name)).verbose(0));
        TorchinfoTable.assertMatches(name + ".torchinfo.out", stats.toString());
        assertEquals(total, stats.totalParams(), name);
        assertTrue(net.parameters().stream().noneMatch(Parameter::isMaterialized), name + ": a shape-only summary allocated a parameter");
    }

    /** In eval mode the auxiliary heads do not run: their parameters appear on the root row, as torchinfo shows. */
    @ParameterizedTest(name = "{0}") @MethodSource("withAuxiliaryHeads")
    void evalSummaryIsTorchinfos(String name, Supplier<? extends Module> factory, long total) {
        Module net = factory.get().eval();
        long[] size = inputSize(name).clone();
        size[0] = 1;
        ModelStatistics stats = Nnsh.summary(net, Nnsh.options().inputSize(size).verbose(0));
        TorchinfoTable.assertMatches(name + ".eval.torchinfo.out", stats.toString());
    }

    static Stream<Arguments> withAuxiliaryHeads() {
        return Stream.of(model("googlenet", Models::googlenet, 13_004_888L), model("inception_v3", Models::inceptionV3, 27_161_264L));
    }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void parametersAreTorchvisions(String name, Supplier<? extends Module> factory, long total) {
        Module net = factory.get();
        assertEquals(total, net.numParams(), name);
        StringBuilder actual = new StringBuilder();
        for (var e : net.namedParameters().entrySet()) {
            actual.append(e.getKey()).append(' ').append(Arrays.toString(e.getValue().shape())).append('\n');
        }
        assertEquals(ZooStructureTest.resource(name + ".params.txt"), actual.toString());
    }

    @ParameterizedTest(name = "{0}") @MethodSource("printed")
    void printsLikeTorchvision(String name, Supplier<? extends Module> factory, long ignored) {
        assertEquals(ZooStructureTest.resource(name + ".print.txt"), factory.get() + "\n");
    }
}
