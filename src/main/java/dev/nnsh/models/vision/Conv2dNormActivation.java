package dev.nnsh.models.vision;

import java.util.function.LongFunction;
import java.util.function.Supplier;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;

/**
 * torchvision's {@code Conv2dNormActivation}: a Sequential of a convolution (padding (k−1)/2·dilation,
 * bias only when there is no norm layer), an optional norm layer made for the output channels and an
 * optional activation; children named 0, 1, 2.
 */
public class Conv2dNormActivation extends Sequential {
    /** BatchNorm2d with PyTorch's defaults, torchvision's default norm layer. */
    public static final LongFunction<Module> BATCH_NORM = BatchNorm2d::new;
    /** ReLU(inplace=True), torchvision's default activation. */
    public static final Supplier<Module> RELU = () -> new ReLU(true);

    private final long outChannels;

    /** A k×k convolution with stride 1, BatchNorm2d and ReLU. */
    public Conv2dNormActivation(long in, long out, int kernelSize) {
        this(in, out, kernelSize, 1, 1, BATCH_NORM, RELU);
    }

    public Conv2dNormActivation(long in, long out, int kernelSize, int stride, int groups,
                                LongFunction<? extends Module> normLayer, Supplier<? extends Module> activationLayer) {
        this(in, out, kernelSize, stride, groups, 1, normLayer, activationLayer);
    }

    /** normLayer or activationLayer null: that layer is left out. */
    public Conv2dNormActivation(long in, long out, int kernelSize, int stride, int groups, int dilation,
                                LongFunction<? extends Module> normLayer, Supplier<? extends Module> activationLayer) {
        add(new Conv2d(in, out, kernelSize, stride, (kernelSize - 1) / 2 * dilation, dilation, groups, normLayer == null));
        if (normLayer != null) add(normLayer.apply(out));
        if (activationLayer != null) add(activationLayer.get());
        outChannels = out;
    }

    public long outChannels() { return outChannels; }

    /** The convolution (child 0). */
    public Conv2d conv() { return (Conv2d) get(0); }

    /** Explicit padding instead of the default (k−1)/2·dilation. */
    public Conv2dNormActivation withPadding(int padding) {
        conv().padding(padding);
        return this;
    }

    /** Bias on or off, instead of the default (on only without a norm layer). */
    public Conv2dNormActivation withBias(boolean on) {
        conv().bias(on);
        return this;
    }
}
