package dev.nnsh.models;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/** GoogLeNet's and Inception-v3's convolution unit: a bias-free Conv2d, BatchNorm2d(eps=0.001), functional ReLU. */
public class BasicConv2d extends Module {
    final Conv2d conv;
    final BatchNorm2d bn;

    public BasicConv2d(long in, long out, int kernelSize) { this(in, out, kernelSize, 1, 0); }

    public BasicConv2d(long in, long out, int kernelSize, int stride, int padding) {
        this(new Conv2d(in, out, kernelSize, stride, padding));
    }

    /** A kH×kW kernel with (pH, pW) padding, as Inception's factorised 1×7, 7×1, 1×3, 3×1 convolutions. */
    public BasicConv2d(long in, long out, int kH, int kW, int pH, int pW) {
        this(new Conv2d(in, out, 1).kernelSize(kH, kW).padding(pH, pW));
    }

    private BasicConv2d(Conv2d conv) {
        this.conv = conv.bias(false);
        this.bn = new BatchNorm2d(conv.outChannels(), 0.001);
    }

    @Override public Tensor forward(Tensor x) {
        Tensor fused = dev.nnsh.nn.ConvFusion.run(conv, bn, RELU, x, null); // issue 11 (free): one convolution in eval, else the calls
        return fused != null ? fused : F.relu(bn.apply(conv.apply(x)));
    }

    /** issue 11 (free): F.relu as the fused convolution's post-op (no child: the printed form and the state dict stay torchvision's). */
    private static final dev.nnsh.nn.ReLU RELU = new dev.nnsh.nn.ReLU();
}
