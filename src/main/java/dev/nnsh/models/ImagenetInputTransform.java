package dev.nnsh.models;

import dev.nnsh.tensor.Tensor;

/**
 * GoogLeNet's and Inception-v3's {@code transform_input}: images normalised with ImageNet's mean and
 * std are re-normalised per channel to the (x − 0.5)/0.5 scale their original weights expect.
 */
final class ImagenetInputTransform {
    private static final double[] STD = {0.229, 0.224, 0.225};
    private static final double[] MEAN = {0.485, 0.456, 0.406};

    private ImagenetInputTransform() {}

    static Tensor apply(Tensor x) {
        Tensor[] channels = new Tensor[3];
        for (int c = 0; c < 3; c++) channels[c] = x.narrow(1, c, 1).mul(STD[c] / 0.5).add((MEAN[c] - 0.5) / 0.5);
        return Tensor.cat(1, channels);
    }
}
