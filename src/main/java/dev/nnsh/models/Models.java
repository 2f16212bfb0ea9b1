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
}
