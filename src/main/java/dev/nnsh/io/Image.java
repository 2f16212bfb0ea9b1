package dev.nnsh.io;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** Pictures in and out through the JDK's ImageIO (PNG, JPEG, BMP, GIF). */
public final class Image {
    private Image() {}

    /** A [3, H, W] float32 tensor in [0, 1] (RGB; grey replicated, alpha dropped: PIL's convert("RGB") then ToTensor). */
    public static Tensor load(Path file) { return Transforms.toTensor().apply(loadUint8(file)); }

    public static Tensor load(String file) { return load(Path.of(file)); }

    /** The pixels as a [3, H, W] uint8 tensor, 0..255. */
    public static Tensor loadUint8(Path file) {
        BufferedImage img = read(file);
        int h = img.getHeight(), w = img.getWidth();
        float[] out = new float[3 * h * w];
        Raster raster = img.getRaster();
        boolean plain = img.getColorModel() instanceof ComponentColorModel
                && raster.getTransferType() == DataBuffer.TYPE_BYTE && raster.getNumBands() <= 4;
        int bands = raster.getNumBands();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int v;
                    if (plain) {
                        // grey (and grey+alpha) rasters: one sample for all three channels, as PIL does
                        v = raster.getSample(x, y, bands <= 2 ? 0 : c);
                    } else {
                        v = (img.getRGB(x, y) >> (16 - 8 * c)) & 0xff;
                    }
                    out[(c * h + y) * w + x] = v;
                }
            }
        }
        return Tensor.of(out, 3, h, w).to(DType.UINT8);
    }

    private static BufferedImage read(Path file) {
        if (!Files.exists(file)) throw new WeightsException(file, "no such file");
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new WeightsException(file, "not an image the JDK reads (PNG, JPEG, BMP, GIF)");
            }
            return img;
        } catch (IOException | RuntimeException e) {
            if (e instanceof WeightsException w) throw w;
            throw new WeightsException(file, "truncated or corrupt image (" + e.getMessage() + ")", e);
        }
    }

    /** Writes [H, W] (grey) or [3, H, W] (RGB), min-max scaled to 0..255; the extension picks the format. */
    public static void save(Tensor image, Path file) { save(image, file, 1); }

    public static void save(Tensor image, String file) { save(image, Path.of(file), 1); }

    /** As {@link #save(Tensor, Path)}, each pixel drawn as a scale×scale block (for tiny filters). */
    public static void save(Tensor image, Path file, int scale) {
        if (scale < 1) throw new IllegalArgumentException("Image.save: scale must be >= 1, got " + scale);
        Tensor t = image;
        while (t.dim() > 3 && t.size(0) == 1) t = t.squeeze(0);
        boolean grey = t.dim() == 2 || (t.dim() == 3 && t.size(0) == 1);
        if (!(grey || (t.dim() == 3 && t.size(0) == 3))) {
            throw new IllegalArgumentException("Image.save: expected [H, W], [1, H, W] or [3, H, W], got shape "
                    + Shapes.format(image.shape()));
        }
        Planes p = Planes.of(t, "Image.save");
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float v : p.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max > min ? max - min : 1;
        int h = p.height(), w = p.width(), area = h * w;
        BufferedImage out = new BufferedImage(w * scale, h * scale, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int i = (y / scale) * w + x / scale;
                if (grey) {
                    out.getRaster().setSample(x, y, 0, level(p.data()[i], min, range));
                } else {
                    int rgb = level(p.data()[i], min, range) << 16 | level(p.data()[area + i], min, range) << 8
                            | level(p.data()[2 * area + i], min, range);
                    out.setRGB(x, y, rgb);
                }
            }
        }
        String name = file.getFileName().toString();
        String format = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "png";
        if (format.equals("jpeg")) format = "jpg";
        if (!format.equals("png") && !format.equals("jpg") && !format.equals("bmp")) {
            throw new WeightsException(file, "unknown image format '" + format + "' (use .png, .jpg or .bmp)");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(out, format, file.toFile())) throw new WeightsException(file, "no writer for " + format);
        } catch (IOException e) {
            throw new WeightsException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    private static int level(float v, float min, float range) {
        return Math.round((v - min) / range * 255f);
    }

    /**
     * Lays [N, C, h, w] out as one [C, H, W] image, {@code columns} per row with 1-pixel gaps (filled with
     * the smallest value), like torchvision's make_grid: the first conv layer's filters at a glance.
     */
    public static Tensor grid(Tensor images, int columns) {
        if (images.dim() != 4) {
            throw new IllegalArgumentException("Image.grid: expected [N, C, h, w], got shape " + Shapes.format(images.shape()));
        }
        if (columns < 1) throw new IllegalArgumentException("Image.grid: columns must be >= 1, got " + columns);
        int n = (int) images.size(0), c = (int) images.size(1), h = (int) images.size(2), w = (int) images.size(3);
        int cols = Math.min(columns, n), rows = (n + cols - 1) / cols;
        int gh = rows * (h + 1) + 1, gw = cols * (w + 1) + 1;
        float[] in = (images.dtype() == DType.FLOAT32 ? images : images.to(DType.FLOAT32)).nd().dup('c').data().asFloat();
        float min = Float.POSITIVE_INFINITY;
        for (float v : in) min = Math.min(min, v);
        float[] out = new float[c * gh * gw];
        java.util.Arrays.fill(out, in.length == 0 ? 0 : min);
        for (int k = 0; k < n; k++) {
            int top = (k / cols) * (h + 1) + 1, left = (k % cols) * (w + 1) + 1;
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(in, ((k * c + ch) * h + y) * w, out, (ch * gh + top + y) * gw + left, w);
                }
            }
        }
        return Tensor.of(out, c, gh, gw);
    }

    /** One channel of activations [C, H, W] or [1, C, H, W] as an [H, W] image: a feature map to save. */
    public static Tensor featureMap(Tensor activations, int channel) {
        Tensor t = activations.dim() == 4 && activations.size(0) == 1 ? activations.squeeze(0) : activations;
        if (t.dim() != 3) {
            throw new IllegalArgumentException("Image.featureMap: expected [C, H, W] or [1, C, H, W], got shape "
                    + Shapes.format(activations.shape()));
        }
        if (channel < 0 || channel >= t.size(0)) {
            throw new IllegalArgumentException("Image.featureMap: channel " + channel + " out of range 0.." + (t.size(0) - 1));
        }
        Planes p = Planes.of(t, "Image.featureMap");
        int area = p.height() * p.width();
        float[] out = java.util.Arrays.copyOfRange(p.data(), channel * area, (channel + 1) * area);
        return Tensor.of(out, p.height(), p.width());
    }
}
