package dev.nnsh.models;

import dev.nnsh.nn.AdaptiveAvgPool3d;
import dev.nnsh.nn.BatchNorm3d;
import dev.nnsh.nn.Conv3d;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * torchvision's video ResNets for clips [N, 3, T, H, W] (Kinetics-400: 400 classes by default):
 * R3D-18 (3×3×3 convolutions), MC3-18 (3-D in the first stage, 2-D 1×3×3 after) and R(2+1)D-18
 * (each 3×3×3 split into a spatial 1×3×3 and a temporal 3×1×1 convolution).
 */
public class VideoResNet extends Module {
    /** How a block's 3×3×3 convolution is built, and the stride its shortcut uses. */
    enum ConvKind { SIMPLE, NO_TEMPORAL, TWO_PLUS_ONE }

    final Sequential stem;
    final Sequential layer1;
    final Sequential layer2;
    final Sequential layer3;
    final Sequential layer4;
    final AdaptiveAvgPool3d avgpool;
    final Linear fc;
    private int inplanes = 64;

    VideoResNet(ConvKind[] convs, int[] layers, boolean r2plus1dStem, int numClasses) {
        stem = r2plus1dStem ? new R2Plus1dStem() : new BasicStem();
        layer1 = makeLayer(convs[0], 64, layers[0], 1);
        layer2 = makeLayer(convs[1], 128, layers[1], 2);
        layer3 = makeLayer(convs[2], 256, layers[2], 2);
        layer4 = makeLayer(convs[3], 512, layers[3], 2);
        avgpool = new AdaptiveAvgPool3d(1, 1, 1);
        fc = new Linear(512, numClasses);
    }

    private Sequential makeLayer(ConvKind conv, int planes, int blocks, int stride) {
        Sequential downsample = null;
        if (stride != 1 || inplanes != planes) {
            int temporal = conv == ConvKind.NO_TEMPORAL ? 1 : stride;
            downsample = new Sequential(new Conv3d(inplanes, planes, 1).stride(temporal, stride, stride).bias(false),
                    new BatchNorm3d(planes));
        }
        Sequential layer = new Sequential(new BasicBlock(inplanes, planes, conv, stride, downsample));
        inplanes = planes;
        for (int i = 1; i < blocks; i++) layer.add(new BasicBlock(inplanes, planes, conv, 1, null));
        return layer;
    }

    @Override public Tensor forward(Tensor x) {
        x = layer4.apply(layer3.apply(layer2.apply(layer1.apply(stem.apply(x)))));
        return fc.apply(avgpool.apply(x).flatten(1));
    }

    static Module conv(ConvKind kind, int in, int out, int mid, int stride) {
        return switch (kind) {
            case SIMPLE -> new Conv3DSimple(in, out, stride);
            case NO_TEMPORAL -> new Conv3DNoTemporal(in, out, stride);
            case TWO_PLUS_ONE -> new Conv2Plus1D(in, out, mid, stride);
        };
    }

    /** A bias-free 3×3×3 convolution, padding 1. */
    public static class Conv3DSimple extends Conv3d {
        public Conv3DSimple(int in, int out, int stride) {
            super(in, out, 3, stride, 1);
            bias(false);
        }
    }

    /** A bias-free 1×3×3 convolution: spatial only. */
    public static class Conv3DNoTemporal extends Conv3d {
        public Conv3DNoTemporal(int in, int out, int stride) {
            super(in, out, 1);
            kernelSize(1, 3, 3).stride(1, stride, stride).padding(0, 1, 1).bias(false);
        }
    }

    /** Spatial 1×3×3 to midplanes, BatchNorm3d, ReLU, temporal 3×1×1. */
    public static class Conv2Plus1D extends Sequential {
        public Conv2Plus1D(int in, int out, int mid, int stride) {
            super(new Conv3d(in, mid, 1).kernelSize(1, 3, 3).stride(1, stride, stride).padding(0, 1, 1).bias(false),
                    new BatchNorm3d(mid), new ReLU(true),
                    new Conv3d(mid, out, 1).kernelSize(3, 1, 1).stride(stride, 1, 1).padding(1, 0, 0).bias(false));
        }
    }

    /** Conv 3×7×7 (stride 1, 2, 2), BatchNorm3d, ReLU. */
    public static class BasicStem extends Sequential {
        public BasicStem() {
            super(new Conv3d(3, 64, 1).kernelSize(3, 7, 7).stride(1, 2, 2).padding(1, 3, 3).bias(false),
                    new BatchNorm3d(64), new ReLU(true));
        }
    }

    /** R(2+1)D's stem: spatial 1×7×7 to 45 channels, then temporal 3×1×1 to 64. */
    public static class R2Plus1dStem extends Sequential {
        public R2Plus1dStem() {
            super(new Conv3d(3, 45, 1).kernelSize(1, 7, 7).stride(1, 2, 2).padding(0, 3, 3).bias(false),
                    new BatchNorm3d(45), new ReLU(true),
                    new Conv3d(45, 64, 1).kernelSize(3, 1, 1).stride(1, 1, 1).padding(1, 0, 0).bias(false),
                    new BatchNorm3d(64), new ReLU(true));
        }
    }

    /** Two convolution units (conv, BN, ReLU; conv, BN) and a skip connection, then ReLU. */
    public static class BasicBlock extends Module {
        final Sequential conv1;
        final Sequential conv2;
        final ReLU relu;
        final Sequential downsample; // null: identity shortcut

        public BasicBlock(int inplanes, int planes, ConvKind kind, int stride, Sequential downsample) {
            int mid = (inplanes * planes * 3 * 3 * 3) / (inplanes * 3 * 3 + 3 * planes);
            conv1 = new Sequential(conv(kind, inplanes, planes, mid, stride), new BatchNorm3d(planes), new ReLU(true));
            conv2 = new Sequential(conv(kind, planes, planes, mid, 1), new BatchNorm3d(planes));
            relu = new ReLU(true);
            this.downsample = downsample;
        }

        @Override public Tensor forward(Tensor x) {
            Tensor out = conv2.apply(conv1.apply(x));
            Tensor residual = downsample == null ? x : downsample.apply(x);
            return relu.apply(out.add(residual));
        }
    }
}
