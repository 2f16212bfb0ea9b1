package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.nnsh.nn.AvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ModuleDict;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** DenseNet-BC as torchvision builds it (densenet121: growth 32, blocks 6-12-24-16, 64 initial features). */
public class DenseNet extends Module {
    final Sequential features;
    final Linear classifier;

    public DenseNet(int growthRate, int[] blockConfig, int numInitFeatures, int bnSize, int numClasses) {
        features = new Sequential();
        features.register("conv0", new Conv2d(3, numInitFeatures, 7, 2, 3).bias(false));
        features.register("norm0", new BatchNorm2d(numInitFeatures));
        features.register("relu0", new ReLU(true));
        features.register("pool0", new MaxPool2d(3, 2, 1));
        int numFeatures = numInitFeatures;
        for (int i = 0; i < blockConfig.length; i++) {
            features.register("denseblock" + (i + 1), new _DenseBlock(blockConfig[i], numFeatures, bnSize, growthRate));
            numFeatures += blockConfig[i] * growthRate;
            if (i != blockConfig.length - 1) {
                features.register("transition" + (i + 1), new _Transition(numFeatures, numFeatures / 2));
                numFeatures /= 2;
            }
        }
        features.register("norm5", new BatchNorm2d(numFeatures));
        classifier = new Linear(numFeatures, numClasses);
    }

    @Override public Tensor forward(Tensor x) {
        Tensor out = F.relu(features.apply(x));
        out = dev.nnsh.nn.ChannelsLastPool.adaptiveAvgPool2d(out, 1).flatten(1); // issue 11 (conv): oneDNN on channels-last, else F's
        return classifier.apply(out);
    }

    /** BN-ReLU-Conv1×1 bottleneck then BN-ReLU-Conv3×3 producing growthRate channels from all earlier maps. */
    public static class _DenseLayer extends Module {
        final BatchNorm2d norm1;
        final ReLU relu1;
        final Conv2d conv1;
        final BatchNorm2d norm2;
        final ReLU relu2;
        final Conv2d conv2;

        public _DenseLayer(int numInputFeatures, int growthRate, int bnSize) {
            norm1 = new BatchNorm2d(numInputFeatures);
            relu1 = new ReLU(true);
            conv1 = new Conv2d(numInputFeatures, (long) bnSize * growthRate, 1, 1).bias(false);
            norm2 = new BatchNorm2d((long) bnSize * growthRate);
            relu2 = new ReLU(true);
            conv2 = new Conv2d((long) bnSize * growthRate, growthRate, 3, 1, 1).bias(false);
        }

        /** Takes every earlier feature map of the block (concatenated along channels). */
        @Override public Tensor forward(Tensor... inputs) {
            Tensor x = inputs.length == 1 ? inputs[0] : Tensor.cat(1, inputs);
            Tensor bottleneck = conv1.apply(relu1.apply(norm1.apply(x)));
            return conv2.apply(relu2.apply(norm2.apply(bottleneck)));
        }
    }

    /** A ModuleDict of dense layers (denselayer1, ...) each fed the concatenation of all earlier outputs. */
    public static class _DenseBlock extends ModuleDict {
        public _DenseBlock(int numLayers, int numInputFeatures, int bnSize, int growthRate) {
            for (int i = 0; i < numLayers; i++) {
                put("denselayer" + (i + 1), new _DenseLayer(numInputFeatures + i * growthRate, growthRate, bnSize));
            }
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = dev.nnsh.nn.ConvFusion.active(x) ? DenseBlockFusion.forward(this, x) : null; // issue 11 (conv)
            if (fused != null) return fused; // issue 11 (conv)
            List<Tensor> features = new ArrayList<>();
            features.add(x);
            for (Map.Entry<String, Module> e : this) {
                features.add(e.getValue().apply(features.toArray(new Tensor[0])));
            }
            return Tensor.cat(1, features.toArray(new Tensor[0]));
        }
    }

    /** BN, ReLU, 1×1 convolution halving the channels, 2×2 average pooling: a Sequential with named children. */
    public static class _Transition extends Sequential {
        public _Transition(int numInputFeatures, int numOutputFeatures) {
            register("norm", new BatchNorm2d(numInputFeatures));
            register("relu", new ReLU(true));
            register("conv", new Conv2d(numInputFeatures, numOutputFeatures, 1, 1).bias(false));
            register("pool", new AvgPool2d(2, 2));
        }

        @Override public Tensor forward(Tensor x) {
            // issue 11 (dense): fused, the pooling runs before the 1×1 convolution (they commute; DenseBlockFusion.transition)
            Tensor fused = dev.nnsh.nn.ConvFusion.active(x) && transitionFusion() ? DenseBlockFusion.transition(this, x) : null;
            return fused != null ? fused : super.forward(x);
        }

        private static boolean transitionFusion() { return !"off".equals(System.getProperty("nnsh.dense.transition")); }
    }
}
