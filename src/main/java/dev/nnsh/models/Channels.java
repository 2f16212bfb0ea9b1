package dev.nnsh.models;

/** torchvision's channel rounding ({@code _make_divisible}): to a multiple of the divisor, never more than 10% down. */
final class Channels {
    private Channels() {}

    static int makeDivisible(double v, int divisor) { return makeDivisible(v, divisor, divisor); }

    static int makeDivisible(double v, int divisor, int minValue) {
        int newV = Math.max(minValue, (int) (v + divisor / 2.0) / divisor * divisor);
        if (newV < 0.9 * v) newV += divisor;
        return newV;
    }
}
