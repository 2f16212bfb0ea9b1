package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import dev.nnsh.models.Models;
import dev.nnsh.tensor.Tensor;

/** Image.load and the transforms against torchvision's outputs on the committed test image (within 1/255). */
class TransformsTest {
    private static final double TOLERANCE = 1.0 / 255;
    private static final Tensor PICTURE = Image.load(Fixtures.file("image.png"));

    private static void assertClose(String reference, Tensor actual) {
        Tensor expected = Tensor.load(Fixtures.file(reference + ".npy"));
        assertArrayEquals(expected.shape(), actual.shape(), reference + ": shape");
        double[] e = expected.nd().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] a = actual.nd().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double worst = 0;
        for (int i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(e[i] - a[i]));
        assertTrue(worst <= TOLERANCE, reference + ": largest difference " + worst + " > 1/255");
    }

    @Test void loadMatchesPilToTensorExactly() {
        Fixtures.assertBitIdentical(Tensor.load(Fixtures.file("image_tensor.npy")), PICTURE, "ToTensor(PIL image)");
    }

    @Test void resizeShorterSideWithAntialias() {
        Tensor out = Transforms.resize(64).apply(PICTURE);
        assertArrayEquals(new long[]{3, 64, 85}, out.shape(), "128x96 -> shorter side 64, longer int(64*128/96)");
        assertClose("image_resized", out);
    }

    @Test void resizeToAnExactSizeAndUpsampling() {
        assertClose("image_resized_40x30", Transforms.resize(40, 30).apply(PICTURE));
        assertClose("image_resized_112", Transforms.resize(112).apply(PICTURE));
    }

    @Test void composedPipelineMatchesTorchvision() {
        Transform pipeline = Transforms.compose(Transforms.resize(64), Transforms.centerCrop(56));
        assertClose("image_cropped", pipeline.apply(PICTURE));
        Transform full = pipeline.then(Transforms.normalize(Models.IMAGENET_MEAN, Models.IMAGENET_STD));
        assertClose("image_normalized", full.apply(PICTURE));
    }

    @Test void toTensorScalesUint8Pixels() {
        Tensor bytes = Image.loadUint8(Fixtures.file("image.png"));
        Fixtures.assertBitIdentical(Tensor.load(Fixtures.file("image_tensor.npy")), Transforms.toTensor().apply(bytes), "toTensor");
    }

    @Test void centerCropLargerThanTheImagePadsWithZeros() {
        Tensor small = Tensor.of(new float[]{1, 2, 3, 4}, 1, 2, 2);
        Tensor out = Transforms.centerCrop(4).apply(small);
        assertArrayEquals(new float[]{0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0}, out.nd().data().asFloat());
    }

    @Test void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Transforms.normalize(new double[]{0.5}, new double[]{0.5}).apply(PICTURE));
        assertTrue(e.getMessage().contains("expected [..., 1, H, W], got shape [3, 96, 128]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transforms.resize(0));
    }
}
