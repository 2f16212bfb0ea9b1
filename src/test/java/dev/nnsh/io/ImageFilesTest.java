package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnsh.tensor.Tensor;

/** Image.save (min-max scaled), Image.grid, and image errors. */
class ImageFilesTest {
    @TempDir Path tmp;

    @Test void savedFeatureMapIsMinMaxScaledGrey() throws Exception {
        Path file = tmp.resolve("map.png");
        Image.save(Tensor.of(new float[]{-2, 0, 2, 6}, 2, 2), file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(2, img.getWidth());
        int[] levels = {img.getRaster().getSample(0, 0, 0), img.getRaster().getSample(1, 0, 0),
                img.getRaster().getSample(0, 1, 0), img.getRaster().getSample(1, 1, 0)};
        assertArrayEquals(new int[]{0, 64, 128, 255}, levels);
    }

    @Test void rgbRoundTripsThroughPngAndScaleMagnifies() throws Exception {
        Tensor picture = Image.load(Fixtures.file("image.png"));
        Path file = tmp.resolve("copy.png");
        Image.save(picture, file);
        Tensor back = Image.load(file);
        // min-max scaling maps the picture's own 0..255 range onto 0..255 again (it spans all of it)
        Fixtures.assertBitIdentical(picture, back, "saved and reloaded");
        Path big = tmp.resolve("big.png");
        Image.save(picture, big, 3);
        assertEquals(128 * 3, ImageIO.read(big.toFile()).getWidth());
    }

    @Test void bmpAndGreyImagesLoadAsRgb() throws Exception {
        Tensor picture = Image.load(Fixtures.file("image.png"));
        BufferedImage png = ImageIO.read(Fixtures.file("image.png").toFile());
        Path bmp = tmp.resolve("copy.bmp");
        assertTrue(ImageIO.write(png, "bmp", bmp.toFile()));
        Fixtures.assertBitIdentical(picture, Image.load(bmp), "BMP, lossless");

        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 3, 1, 0, new int[]{0, 51, 255});
        Path greyFile = tmp.resolve("grey.png");
        ImageIO.write(grey, "png", greyFile.toFile());
        Tensor rgb = Image.loadUint8(greyFile);
        assertArrayEquals(new long[]{3, 1, 3}, rgb.shape());
        // each channel the grey level itself, as PIL's convert("RGB") (no colour-space conversion)
        assertArrayEquals(new long[]{0, 51, 255, 0, 51, 255, 0, 51, 255},
                rgb.nd().castTo(org.nd4j.linalg.api.buffer.DataType.LONG).data().asLong());

        Path jpeg = tmp.resolve("copy.jpg");
        Image.save(picture, jpeg);
        assertArrayEquals(new long[]{3, 96, 128}, Image.load(jpeg).shape());
    }

    @Test void gridLaysFiltersOutWithGaps() {
        Tensor filters = Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8}, 2, 1, 2, 2);
        Tensor grid = Image.grid(filters, 2);
        assertArrayEquals(new long[]{1, 4, 7}, grid.shape());
        assertArrayEquals(new float[]{1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 5, 6, 1, 1, 3, 4, 1, 7, 8, 1, 1, 1, 1, 1, 1, 1, 1},
                grid.nd().data().asFloat());
    }

    @Test void featureMapIsOneChannel() {
        Tensor maps = Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8}, 1, 2, 2, 2);
        Tensor second = Image.featureMap(maps, 1);
        assertArrayEquals(new long[]{2, 2}, second.shape());
        assertArrayEquals(new float[]{5, 6, 7, 8}, second.nd().data().asFloat());
        assertThrows(IllegalArgumentException.class, () -> Image.featureMap(maps, 2));
    }

    @Test void errorsNameTheFile() throws Exception {
        Path missing = tmp.resolve("none.png");
        var e = assertThrows(WeightsException.class, () -> Image.load(missing));
        assertTrue(e.getMessage().equals(missing + ": no such file"), e.getMessage());
        Path text = Files.writeString(tmp.resolve("notes.png"), "not a picture");
        e = assertThrows(WeightsException.class, () -> Image.load(text));
        assertTrue(e.getMessage().contains("not an image the JDK reads"), e.getMessage());
        byte[] png = Files.readAllBytes(Fixtures.file("image.png"));
        Path cut = Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        e = assertThrows(WeightsException.class, () -> Image.load(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        var shape = assertThrows(IllegalArgumentException.class, () -> Image.save(Tensor.zeros(2, 3, 4), tmp.resolve("x.png")));
        assertTrue(shape.getMessage().contains("got shape [2, 3, 4]"), shape.getMessage());
    }
}
