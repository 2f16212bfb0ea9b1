package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None)}: give
 * exactly one of size and scale_factor; modes "nearest" (3-D or 4-D input) and "bilinear" (4-D).
 */
public class Upsample extends Module {
    private int[] size;
    private boolean sizeGivenAsInt;
    private double[] scaleFactor;
    private String mode = "nearest";
    private boolean alignCorners;

    public Upsample() {}

    public Upsample(int size) { size(size); }

    public Upsample(int size, String mode) {
        this(size);
        mode(mode);
    }

    public Upsample size(int s) { return setSize(new int[]{s}, true); }

    public Upsample size(int h, int w) { return setSize(new int[]{h, w}, false); }

    private Upsample setSize(int[] s, boolean asInt) {
        for (int v : s) Args.positive("Upsample", "size", v);
        if (scaleFactor != null) throw new IllegalArgumentException("Upsample: only one of size or scale_factor should be defined");
        size = s;
        sizeGivenAsInt = asInt;
        return this;
    }

    public Upsample scaleFactor(double f) { return setScale(new double[]{f}); }

    public Upsample scaleFactor(double h, double w) { return setScale(new double[]{h, w}); }

    private Upsample setScale(double[] f) {
        for (double v : f) {
            if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("Upsample: scale_factor must be positive and finite, got " + v);
        }
        if (size != null) throw new IllegalArgumentException("Upsample: only one of size or scale_factor should be defined");
        scaleFactor = f;
        return this;
    }

    public Upsample mode(String m) {
        if (!"nearest".equals(m) && !"bilinear".equals(m)) {
            throw new IllegalArgumentException("Upsample: mode must be \"nearest\" or \"bilinear\", got \"" + m + "\"");
        }
        mode = m;
        checkAlignCorners();
        return this;
    }

    /** Only for mode "bilinear": corner pixels of input and output are aligned. */
    public Upsample alignCorners(boolean on) {
        alignCorners = on;
        checkAlignCorners();
        return this;
    }

    private void checkAlignCorners() {
        if (alignCorners && !"bilinear".equals(mode)) {
            throw new IllegalArgumentException("Upsample: align_corners can only be set with mode \"bilinear\", not \"" + mode + "\"");
        }
    }

    @Override public Tensor forward(Tensor x) {
        if (size == null && scaleFactor == null) throw new IllegalArgumentException("Upsample: either size or scale_factor should be defined");
        return F.interpolate(x, size, scaleFactor, mode, alignCorners);
    }

    @Override public String extraRepr() {
        String info;
        if (scaleFactor != null) {
            info = "scale_factor=" + (scaleFactor.length == 1 ? PyFormat.floatRepr(scaleFactor[0])
                    : "(" + PyFormat.floatRepr(scaleFactor[0]) + ", " + PyFormat.floatRepr(scaleFactor[1]) + ")");
        } else {
            info = "size=" + (size == null ? "None" : PyFormat.intOrTuple(size, sizeGivenAsInt));
        }
        return info + ", mode='" + mode + "'";
    }
}
