package dev.nnsh.models.vision;

import java.util.function.Supplier;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sigmoid;
import dev.nnsh.tensor.Tensor;

/**
 * torchvision's {@code SqueezeExcitation}: global average pool, 1×1 convolution down to the squeeze
 * channels, activation, 1×1 convolution back, scale activation; the input is multiplied by the result.
 */
public class SqueezeExcitation extends Module {
    final AdaptiveAvgPool2d avgpool;
    final Conv2d fc1;
    final Conv2d fc2;
    final Module activation;
    final Module scale_activation;

    /** ReLU and Sigmoid, torchvision's defaults. */
    public SqueezeExcitation(long inputChannels, long squeezeChannels) {
        this(inputChannels, squeezeChannels, ReLU::new, Sigmoid::new);
    }

    public SqueezeExcitation(long inputChannels, long squeezeChannels, Supplier<? extends Module> activation,
                             Supplier<? extends Module> scaleActivation) {
        avgpool = new AdaptiveAvgPool2d(1);
        fc1 = new Conv2d(inputChannels, squeezeChannels, 1);
        fc2 = new Conv2d(squeezeChannels, inputChannels, 1);
        this.activation = activation.get();
        this.scale_activation = scaleActivation.get();
    }

    @Override public Tensor forward(Tensor x) {
        Tensor fused = dev.nnsh.nn.SqueezeExciteFusion.run(avgpool, fc1, activation, fc2, scale_activation, x); // issue 11 (mobile)
        if (fused != null) return fused;
        Tensor pooled = dev.nnsh.nn.ChannelsLastPool.apply(avgpool, x); // issue 11 (free): oneDNN for a channels-last x, else the call
        Tensor scale = fc2.apply(activation.apply(fc1.apply(pooled)));
        Tensor s = scale_activation.apply(scale);
        Tensor scaled = dev.nnsh.nn.ChannelScale.mul(x, s); // issue 11 (free): into a pooled channels-last buffer, else ND4J's broadcast
        return scaled != null ? scaled : s.mul(x);
    }
}
