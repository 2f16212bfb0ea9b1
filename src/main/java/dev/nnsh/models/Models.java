package dev.nnsh.models;

/**
 * The model zoo: the classic image classifiers with torchvision's structure, module type names and
 * parameter counts (untrained; parameters are materialised lazily). Each factory has an overload
 * taking the number of classes (default 1000; LeNet-5: 10).
 */
public final class Models {
    private Models() {}

    public static LeNet5 lenet5() { return new LeNet5(); }
    public static LeNet5 lenet5(int numClasses) { return new LeNet5(numClasses); }

    public static AlexNet alexnet() { return new AlexNet(); }
    public static AlexNet alexnet(int numClasses) { return new AlexNet(numClasses); }

    public static VGG vgg11() { return vgg11(1000); }
    public static VGG vgg11(int numClasses) { return VGG.of(VGG.A, false, numClasses); }
    public static VGG vgg13() { return vgg13(1000); }
    public static VGG vgg13(int numClasses) { return VGG.of(VGG.B, false, numClasses); }
    public static VGG vgg16() { return vgg16(1000); }
    public static VGG vgg16(int numClasses) { return VGG.of(VGG.D, false, numClasses); }
    public static VGG vgg19() { return vgg19(1000); }
    public static VGG vgg19(int numClasses) { return VGG.of(VGG.E, false, numClasses); }

    public static VGG vgg11Bn() { return vgg11Bn(1000); }
    public static VGG vgg11Bn(int numClasses) { return VGG.of(VGG.A, true, numClasses); }
    public static VGG vgg13Bn() { return vgg13Bn(1000); }
    public static VGG vgg13Bn(int numClasses) { return VGG.of(VGG.B, true, numClasses); }
    public static VGG vgg16Bn() { return vgg16Bn(1000); }
    public static VGG vgg16Bn(int numClasses) { return VGG.of(VGG.D, true, numClasses); }
    public static VGG vgg19Bn() { return vgg19Bn(1000); }
    public static VGG vgg19Bn(int numClasses) { return VGG.of(VGG.E, true, numClasses); }

    public static ResNet resnet18() { return resnet18(1000); }
    public static ResNet resnet18(int numClasses) { return new ResNet(ResNet.Block.BASIC, new int[]{2, 2, 2, 2}, numClasses); }
    public static ResNet resnet34() { return resnet34(1000); }
    public static ResNet resnet34(int numClasses) { return new ResNet(ResNet.Block.BASIC, new int[]{3, 4, 6, 3}, numClasses); }
    public static ResNet resnet50() { return resnet50(1000); }
    public static ResNet resnet50(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 4, 6, 3}, numClasses); }
    public static ResNet resnet101() { return resnet101(1000); }
    public static ResNet resnet101(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 4, 23, 3}, numClasses); }
    public static ResNet resnet152() { return resnet152(1000); }
    public static ResNet resnet152(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 8, 36, 3}, numClasses); }

    public static MobileNetV2 mobilenetV2() { return new MobileNetV2(); }
    public static MobileNetV2 mobilenetV2(int numClasses) { return new MobileNetV2(numClasses); }

    public static SqueezeNet squeezenet1_0() { return squeezenet1_0(1000); }
    public static SqueezeNet squeezenet1_0(int numClasses) { return new SqueezeNet("1_0", numClasses); }
    public static SqueezeNet squeezenet1_1() { return squeezenet1_1(1000); }
    public static SqueezeNet squeezenet1_1(int numClasses) { return new SqueezeNet("1_1", numClasses); }

    public static DenseNet densenet121() { return densenet121(1000); }
    public static DenseNet densenet121(int numClasses) { return new DenseNet(32, new int[]{6, 12, 24, 16}, 64, 4, numClasses); }

    // --- issue 10: torchvision zoo, ResNeXt and wide ResNets ---
    public static ResNet resnext50_32x4d() { return resnext50_32x4d(1000); }
    public static ResNet resnext50_32x4d(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 4, 6, 3}, numClasses, 32, 4); }
    public static ResNet resnext101_32x8d() { return resnext101_32x8d(1000); }
    public static ResNet resnext101_32x8d(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 4, 23, 3}, numClasses, 32, 8); }
    public static ResNet resnext101_64x4d() { return resnext101_64x4d(1000); }
    public static ResNet resnext101_64x4d(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 4, 23, 3}, numClasses, 64, 4); }
    public static ResNet wideResnet50_2() { return wideResnet50_2(1000); }
    public static ResNet wideResnet50_2(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 4, 6, 3}, numClasses, 1, 128); }
    public static ResNet wideResnet101_2() { return wideResnet101_2(1000); }
    public static ResNet wideResnet101_2(int numClasses) { return new ResNet(ResNet.Block.BOTTLENECK, new int[]{3, 4, 23, 3}, numClasses, 1, 128); }

    // --- issue 10: DenseNet-161/169/201 ---
    public static DenseNet densenet161() { return densenet161(1000); }
    public static DenseNet densenet161(int numClasses) { return new DenseNet(48, new int[]{6, 12, 36, 24}, 96, 4, numClasses); }
    public static DenseNet densenet169() { return densenet169(1000); }
    public static DenseNet densenet169(int numClasses) { return new DenseNet(32, new int[]{6, 12, 32, 32}, 64, 4, numClasses); }
    public static DenseNet densenet201() { return densenet201(1000); }
    public static DenseNet densenet201(int numClasses) { return new DenseNet(32, new int[]{6, 12, 48, 32}, 64, 4, numClasses); }

    // --- issue 10: MobileNetV3 ---
    public static MobileNetV3 mobilenetV3Large() { return mobilenetV3Large(1000); }
    public static MobileNetV3 mobilenetV3Large(int numClasses) { return mobilenetV3Large(numClasses, 0.2); }
    public static MobileNetV3 mobilenetV3Large(int numClasses, double dropout) { return new MobileNetV3(MobileNetV3.LARGE, 1280, numClasses, dropout); }
    public static MobileNetV3 mobilenetV3Small() { return mobilenetV3Small(1000); }
    public static MobileNetV3 mobilenetV3Small(int numClasses) { return mobilenetV3Small(numClasses, 0.2); }
    public static MobileNetV3 mobilenetV3Small(int numClasses, double dropout) { return new MobileNetV3(MobileNetV3.SMALL, 1024, numClasses, dropout); }

    // --- issue 10: EfficientNet (the three-argument forms take dropout and stochastic depth probability; default 0.2) ---
    public static EfficientNet efficientnetB0() { return efficientnetB0(1000); }
    public static EfficientNet efficientnetB0(int numClasses) { return efficientnetB0(numClasses, 0.2, 0.2); }
    public static EfficientNet efficientnetB0(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(1.0, 1.0), dropout, stochasticDepthProb, numClasses, EfficientNet.BN, 0);
    }
    public static EfficientNet efficientnetB1() { return efficientnetB1(1000); }
    public static EfficientNet efficientnetB1(int numClasses) { return efficientnetB1(numClasses, 0.2, 0.2); }
    public static EfficientNet efficientnetB1(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(1.0, 1.1), dropout, stochasticDepthProb, numClasses, EfficientNet.BN, 0);
    }
    public static EfficientNet efficientnetB2() { return efficientnetB2(1000); }
    public static EfficientNet efficientnetB2(int numClasses) { return efficientnetB2(numClasses, 0.3, 0.2); }
    public static EfficientNet efficientnetB2(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(1.1, 1.2), dropout, stochasticDepthProb, numClasses, EfficientNet.BN, 0);
    }
    public static EfficientNet efficientnetB3() { return efficientnetB3(1000); }
    public static EfficientNet efficientnetB3(int numClasses) { return efficientnetB3(numClasses, 0.3, 0.2); }
    public static EfficientNet efficientnetB3(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(1.2, 1.4), dropout, stochasticDepthProb, numClasses, EfficientNet.BN, 0);
    }
    public static EfficientNet efficientnetB4() { return efficientnetB4(1000); }
    public static EfficientNet efficientnetB4(int numClasses) { return efficientnetB4(numClasses, 0.4, 0.2); }
    public static EfficientNet efficientnetB4(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(1.4, 1.8), dropout, stochasticDepthProb, numClasses, EfficientNet.BN, 0);
    }
    public static EfficientNet efficientnetB5() { return efficientnetB5(1000); }
    public static EfficientNet efficientnetB5(int numClasses) { return efficientnetB5(numClasses, 0.4, 0.2); }
    public static EfficientNet efficientnetB5(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(1.6, 2.2), dropout, stochasticDepthProb, numClasses, EfficientNet.BN_EPS_1E3_MOMENTUM_1E2, 0);
    }
    public static EfficientNet efficientnetB6() { return efficientnetB6(1000); }
    public static EfficientNet efficientnetB6(int numClasses) { return efficientnetB6(numClasses, 0.5, 0.2); }
    public static EfficientNet efficientnetB6(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(1.8, 2.6), dropout, stochasticDepthProb, numClasses, EfficientNet.BN_EPS_1E3_MOMENTUM_1E2, 0);
    }
    public static EfficientNet efficientnetB7() { return efficientnetB7(1000); }
    public static EfficientNet efficientnetB7(int numClasses) { return efficientnetB7(numClasses, 0.5, 0.2); }
    public static EfficientNet efficientnetB7(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.v1(2.0, 3.1), dropout, stochasticDepthProb, numClasses, EfficientNet.BN_EPS_1E3_MOMENTUM_1E2, 0);
    }
    public static EfficientNet efficientnetV2S() { return efficientnetV2S(1000); }
    public static EfficientNet efficientnetV2S(int numClasses) { return efficientnetV2S(numClasses, 0.2, 0.2); }
    public static EfficientNet efficientnetV2S(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.V2_S, dropout, stochasticDepthProb, numClasses, EfficientNet.BN_EPS_1E3, 1280);
    }
    public static EfficientNet efficientnetV2M() { return efficientnetV2M(1000); }
    public static EfficientNet efficientnetV2M(int numClasses) { return efficientnetV2M(numClasses, 0.3, 0.2); }
    public static EfficientNet efficientnetV2M(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.V2_M, dropout, stochasticDepthProb, numClasses, EfficientNet.BN_EPS_1E3, 1280);
    }
    public static EfficientNet efficientnetV2L() { return efficientnetV2L(1000); }
    public static EfficientNet efficientnetV2L(int numClasses) { return efficientnetV2L(numClasses, 0.4, 0.2); }
    public static EfficientNet efficientnetV2L(int numClasses, double dropout, double stochasticDepthProb) {
        return new EfficientNet(EfficientNet.V2_L, dropout, stochasticDepthProb, numClasses, EfficientNet.BN_EPS_1E3, 1280);
    }

    // --- issue 10: MNASNet (the two-argument forms take dropout; default 0.2) ---
    public static MNASNet mnasnet0_5() { return mnasnet0_5(1000); }
    public static MNASNet mnasnet0_5(int numClasses) { return mnasnet0_5(numClasses, 0.2); }
    public static MNASNet mnasnet0_5(int numClasses, double dropout) { return new MNASNet(0.5, numClasses, dropout); }
    public static MNASNet mnasnet0_75() { return mnasnet0_75(1000); }
    public static MNASNet mnasnet0_75(int numClasses) { return mnasnet0_75(numClasses, 0.2); }
    public static MNASNet mnasnet0_75(int numClasses, double dropout) { return new MNASNet(0.75, numClasses, dropout); }
    public static MNASNet mnasnet1_0() { return mnasnet1_0(1000); }
    public static MNASNet mnasnet1_0(int numClasses) { return mnasnet1_0(numClasses, 0.2); }
    public static MNASNet mnasnet1_0(int numClasses, double dropout) { return new MNASNet(1.0, numClasses, dropout); }
    public static MNASNet mnasnet1_3() { return mnasnet1_3(1000); }
    public static MNASNet mnasnet1_3(int numClasses) { return mnasnet1_3(numClasses, 0.2); }
    public static MNASNet mnasnet1_3(int numClasses, double dropout) { return new MNASNet(1.3, numClasses, dropout); }

    // --- issue 10: RegNet X and Y ---
    public static RegNet regnetY400mf() { return regnetY400mf(1000); }
    public static RegNet regnetY400mf(int numClasses) { return new RegNet(RegNet.Stages.of(16, 48, 27.89, 2.09, 8, 0.25), numClasses); }
    public static RegNet regnetY800mf() { return regnetY800mf(1000); }
    public static RegNet regnetY800mf(int numClasses) { return new RegNet(RegNet.Stages.of(14, 56, 38.84, 2.4, 16, 0.25), numClasses); }
    public static RegNet regnetY1_6gf() { return regnetY1_6gf(1000); }
    public static RegNet regnetY1_6gf(int numClasses) { return new RegNet(RegNet.Stages.of(27, 48, 20.71, 2.65, 24, 0.25), numClasses); }
    public static RegNet regnetY3_2gf() { return regnetY3_2gf(1000); }
    public static RegNet regnetY3_2gf(int numClasses) { return new RegNet(RegNet.Stages.of(21, 80, 42.63, 2.66, 24, 0.25), numClasses); }
    public static RegNet regnetY8gf() { return regnetY8gf(1000); }
    public static RegNet regnetY8gf(int numClasses) { return new RegNet(RegNet.Stages.of(17, 192, 76.82, 2.19, 56, 0.25), numClasses); }
    public static RegNet regnetY16gf() { return regnetY16gf(1000); }
    public static RegNet regnetY16gf(int numClasses) { return new RegNet(RegNet.Stages.of(18, 200, 106.23, 2.48, 112, 0.25), numClasses); }
    public static RegNet regnetY32gf() { return regnetY32gf(1000); }
    public static RegNet regnetY32gf(int numClasses) { return new RegNet(RegNet.Stages.of(20, 232, 115.89, 2.53, 232, 0.25), numClasses); }
    public static RegNet regnetY128gf() { return regnetY128gf(1000); }
    public static RegNet regnetY128gf(int numClasses) { return new RegNet(RegNet.Stages.of(27, 456, 160.83, 2.52, 264, 0.25), numClasses); }
    public static RegNet regnetX400mf() { return regnetX400mf(1000); }
    public static RegNet regnetX400mf(int numClasses) { return new RegNet(RegNet.Stages.of(22, 24, 24.48, 2.54, 16, 0), numClasses); }
    public static RegNet regnetX800mf() { return regnetX800mf(1000); }
    public static RegNet regnetX800mf(int numClasses) { return new RegNet(RegNet.Stages.of(16, 56, 35.73, 2.28, 16, 0), numClasses); }
    public static RegNet regnetX1_6gf() { return regnetX1_6gf(1000); }
    public static RegNet regnetX1_6gf(int numClasses) { return new RegNet(RegNet.Stages.of(18, 80, 34.01, 2.25, 24, 0), numClasses); }
    public static RegNet regnetX3_2gf() { return regnetX3_2gf(1000); }
    public static RegNet regnetX3_2gf(int numClasses) { return new RegNet(RegNet.Stages.of(25, 88, 26.31, 2.25, 48, 0), numClasses); }
    public static RegNet regnetX8gf() { return regnetX8gf(1000); }
    public static RegNet regnetX8gf(int numClasses) { return new RegNet(RegNet.Stages.of(23, 80, 49.56, 2.88, 120, 0), numClasses); }
    public static RegNet regnetX16gf() { return regnetX16gf(1000); }
    public static RegNet regnetX16gf(int numClasses) { return new RegNet(RegNet.Stages.of(22, 216, 55.59, 2.1, 128, 0), numClasses); }
    public static RegNet regnetX32gf() { return regnetX32gf(1000); }
    public static RegNet regnetX32gf(int numClasses) { return new RegNet(RegNet.Stages.of(23, 320, 69.86, 2.0, 168, 0), numClasses); }

    // --- issue 10: GoogLeNet and Inception v3 (auxiliary heads run in train mode only) ---
    public static GoogLeNet googlenet() { return googlenet(1000); }
    public static GoogLeNet googlenet(int numClasses) { return googlenet(numClasses, true); }
    public static GoogLeNet googlenet(int numClasses, boolean auxLogits) { return googlenet(numClasses, auxLogits, 0.2, 0.7); }
    public static GoogLeNet googlenet(int numClasses, boolean auxLogits, double dropout, double dropoutAux) {
        return new GoogLeNet(numClasses, auxLogits, dropout, dropoutAux);
    }
    public static Inception3 inceptionV3() { return inceptionV3(1000); }
    public static Inception3 inceptionV3(int numClasses) { return inceptionV3(numClasses, true); }
    public static Inception3 inceptionV3(int numClasses, boolean auxLogits) { return inceptionV3(numClasses, auxLogits, 0.5); }
    public static Inception3 inceptionV3(int numClasses, boolean auxLogits, double dropout) { return new Inception3(numClasses, auxLogits, dropout); }

    // --- issue 10: ConvNeXt (the two-argument forms take the stochastic depth probability) ---
    public static ConvNeXt convnextTiny() { return convnextTiny(1000); }
    public static ConvNeXt convnextTiny(int numClasses) { return convnextTiny(numClasses, 0.1); }
    public static ConvNeXt convnextTiny(int numClasses, double stochasticDepthProb) { return new ConvNeXt(ConvNeXt.TINY, stochasticDepthProb, 1e-6, numClasses); }
    public static ConvNeXt convnextSmall() { return convnextSmall(1000); }
    public static ConvNeXt convnextSmall(int numClasses) { return convnextSmall(numClasses, 0.4); }
    public static ConvNeXt convnextSmall(int numClasses, double stochasticDepthProb) { return new ConvNeXt(ConvNeXt.SMALL, stochasticDepthProb, 1e-6, numClasses); }
    public static ConvNeXt convnextBase() { return convnextBase(1000); }
    public static ConvNeXt convnextBase(int numClasses) { return convnextBase(numClasses, 0.5); }
    public static ConvNeXt convnextBase(int numClasses, double stochasticDepthProb) { return new ConvNeXt(ConvNeXt.BASE, stochasticDepthProb, 1e-6, numClasses); }
    public static ConvNeXt convnextLarge() { return convnextLarge(1000); }
    public static ConvNeXt convnextLarge(int numClasses) { return convnextLarge(numClasses, 0.5); }
    public static ConvNeXt convnextLarge(int numClasses, double stochasticDepthProb) { return new ConvNeXt(ConvNeXt.LARGE, stochasticDepthProb, 1e-6, numClasses); }

    // --- issue 10: video classifiers (clips [N, 3, T, H, W]; 400 Kinetics classes by default) ---
    public static VideoResNet r3d18() { return r3d18(400); }
    public static VideoResNet r3d18(int numClasses) { return video(VideoResNet.ConvKind.SIMPLE, VideoResNet.ConvKind.SIMPLE, false, numClasses); }
    public static VideoResNet mc3_18() { return mc3_18(400); }
    public static VideoResNet mc3_18(int numClasses) { return video(VideoResNet.ConvKind.SIMPLE, VideoResNet.ConvKind.NO_TEMPORAL, false, numClasses); }
    public static VideoResNet r2plus1d18() { return r2plus1d18(400); }
    public static VideoResNet r2plus1d18(int numClasses) { return video(VideoResNet.ConvKind.TWO_PLUS_ONE, VideoResNet.ConvKind.TWO_PLUS_ONE, true, numClasses); }
    private static VideoResNet video(VideoResNet.ConvKind first, VideoResNet.ConvKind rest, boolean r2plus1dStem, int numClasses) {
        return new VideoResNet(new VideoResNet.ConvKind[]{first, rest, rest, rest}, new int[]{2, 2, 2, 2}, r2plus1dStem, numClasses);
    }

    // --- issue 10: the zoo by torchvision's names ---
    /** Every zoo model: torchvision name, factory and parameter count (prints as a table). */
    public static ZooListing list() { return new ZooListing(); }

    /** The torchvision names {@link #get} accepts, in torchvision's documentation order. */
    public static java.util.List<String> names() { return ZooCatalog.NAMES; }

    /** A zoo model by its torchvision name ({@code "resnet50"}, {@code "efficientnet_b0"}), with default arguments. */
    public static dev.nnsh.nn.Module get(String name) { return ZooCatalog.build(name); }

    // --- issue 10: ShuffleNet V2 ---
    public static ShuffleNetV2 shufflenetV2X0_5() { return shufflenetV2X0_5(1000); }
    public static ShuffleNetV2 shufflenetV2X0_5(int numClasses) { return new ShuffleNetV2(new int[]{4, 8, 4}, new int[]{24, 48, 96, 192, 1024}, numClasses); }
    public static ShuffleNetV2 shufflenetV2X1_0() { return shufflenetV2X1_0(1000); }
    public static ShuffleNetV2 shufflenetV2X1_0(int numClasses) { return new ShuffleNetV2(new int[]{4, 8, 4}, new int[]{24, 116, 232, 464, 1024}, numClasses); }
    public static ShuffleNetV2 shufflenetV2X1_5() { return shufflenetV2X1_5(1000); }
    public static ShuffleNetV2 shufflenetV2X1_5(int numClasses) { return new ShuffleNetV2(new int[]{4, 8, 4}, new int[]{24, 176, 352, 704, 1024}, numClasses); }
    public static ShuffleNetV2 shufflenetV2X2_0() { return shufflenetV2X2_0(1000); }
    public static ShuffleNetV2 shufflenetV2X2_0(int numClasses) { return new ShuffleNetV2(new int[]{4, 8, 4}, new int[]{24, 244, 488, 976, 2048}, numClasses); }

    // --- issue 10: Vision Transformer (the four-argument forms take image size, dropout and attention dropout) ---
    public static VisionTransformer vitB16() { return vitB16(1000); }
    public static VisionTransformer vitB16(int numClasses) { return vitB16(numClasses, 224, 0.0, 0.0); }
    public static VisionTransformer vitB16(int numClasses, int imageSize, double dropout, double attentionDropout) {
        return new VisionTransformer(imageSize, 16, 12, 12, 768, 3072, dropout, attentionDropout, numClasses);
    }
    public static VisionTransformer vitB32() { return vitB32(1000); }
    public static VisionTransformer vitB32(int numClasses) { return vitB32(numClasses, 224, 0.0, 0.0); }
    public static VisionTransformer vitB32(int numClasses, int imageSize, double dropout, double attentionDropout) {
        return new VisionTransformer(imageSize, 32, 12, 12, 768, 3072, dropout, attentionDropout, numClasses);
    }
    public static VisionTransformer vitL16() { return vitL16(1000); }
    public static VisionTransformer vitL16(int numClasses) { return vitL16(numClasses, 224, 0.0, 0.0); }
    public static VisionTransformer vitL16(int numClasses, int imageSize, double dropout, double attentionDropout) {
        return new VisionTransformer(imageSize, 16, 24, 16, 1024, 4096, dropout, attentionDropout, numClasses);
    }
    public static VisionTransformer vitL32() { return vitL32(1000); }
    public static VisionTransformer vitL32(int numClasses) { return vitL32(numClasses, 224, 0.0, 0.0); }
    public static VisionTransformer vitL32(int numClasses, int imageSize, double dropout, double attentionDropout) {
        return new VisionTransformer(imageSize, 32, 24, 16, 1024, 4096, dropout, attentionDropout, numClasses);
    }
    public static VisionTransformer vitH14() { return vitH14(1000); }
    public static VisionTransformer vitH14(int numClasses) { return vitH14(numClasses, 224, 0.0, 0.0); }
    public static VisionTransformer vitH14(int numClasses, int imageSize, double dropout, double attentionDropout) {
        return new VisionTransformer(imageSize, 14, 32, 16, 1280, 5120, dropout, attentionDropout, numClasses);
    }

    // --- issue 10: Swin Transformer V1 and V2 (the two-argument forms take the stochastic depth probability) ---
    public static SwinTransformer swinT() { return swinT(1000); }
    public static SwinTransformer swinT(int numClasses) { return swinT(numClasses, 0.2); }
    public static SwinTransformer swinT(int numClasses, double stochasticDepthProb) {
        return new SwinTransformer(4, 96, new int[]{2, 2, 6, 2}, new int[]{3, 6, 12, 24}, 7, stochasticDepthProb, numClasses, false);
    }
    public static SwinTransformer swinS() { return swinS(1000); }
    public static SwinTransformer swinS(int numClasses) { return swinS(numClasses, 0.3); }
    public static SwinTransformer swinS(int numClasses, double stochasticDepthProb) {
        return new SwinTransformer(4, 96, new int[]{2, 2, 18, 2}, new int[]{3, 6, 12, 24}, 7, stochasticDepthProb, numClasses, false);
    }
    public static SwinTransformer swinB() { return swinB(1000); }
    public static SwinTransformer swinB(int numClasses) { return swinB(numClasses, 0.5); }
    public static SwinTransformer swinB(int numClasses, double stochasticDepthProb) {
        return new SwinTransformer(4, 128, new int[]{2, 2, 18, 2}, new int[]{4, 8, 16, 32}, 7, stochasticDepthProb, numClasses, false);
    }
    public static SwinTransformer swinV2T() { return swinV2T(1000); }
    public static SwinTransformer swinV2T(int numClasses) { return swinV2T(numClasses, 0.2); }
    public static SwinTransformer swinV2T(int numClasses, double stochasticDepthProb) {
        return new SwinTransformer(4, 96, new int[]{2, 2, 6, 2}, new int[]{3, 6, 12, 24}, 8, stochasticDepthProb, numClasses, true);
    }
    public static SwinTransformer swinV2S() { return swinV2S(1000); }
    public static SwinTransformer swinV2S(int numClasses) { return swinV2S(numClasses, 0.3); }
    public static SwinTransformer swinV2S(int numClasses, double stochasticDepthProb) {
        return new SwinTransformer(4, 96, new int[]{2, 2, 18, 2}, new int[]{3, 6, 12, 24}, 8, stochasticDepthProb, numClasses, true);
    }
    public static SwinTransformer swinV2B() { return swinV2B(1000); }
    public static SwinTransformer swinV2B(int numClasses) { return swinV2B(numClasses, 0.5); }
    public static SwinTransformer swinV2B(int numClasses, double stochasticDepthProb) {
        return new SwinTransformer(4, 128, new int[]{2, 2, 18, 2}, new int[]{4, 8, 16, 32}, 8, stochasticDepthProb, numClasses, true);
    }

    // --- issue 10: MaxViT (the two-argument form takes the stochastic depth probability) ---
    public static MaxVit maxvitT() { return maxvitT(1000); }
    public static MaxVit maxvitT(int numClasses) { return maxvitT(numClasses, 0.2); }
    public static MaxVit maxvitT(int numClasses, double stochasticDepthProb) {
        return new MaxVit(224, 64, 7, new int[]{64, 128, 256, 512}, new int[]{2, 2, 5, 2}, 32, stochasticDepthProb, numClasses);
    }

    // --- issue 14: weights ---

    /** The per-channel mean and std of ImageNet that torchvision's pretrained classifiers expect. */
    public static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    public static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    /** The 1000 ImageNet class names, in the classifiers' output order (torchvision's list). */
    public static java.util.List<String> imagenetClasses() { return ImageNetClasses.names(); }
}
