package dev.nnsh.ops.fast;

import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * issue 11 (small): convolutions too small to share (a squeeze-excitation's 1×1 convolutions over [N, C, 1, 1]: regnet_y_400mf
 * runs 32 of them per pass) are compiled and run on the calling thread alone. oneDNN then runs the kernel inline instead
 * of opening an OpenMP region, whose barrier costs more than the work: measured on this 2-core machine at load 8-10, a
 * 12×440→110 convolution took a median 0.16-1.7 ms with both threads and 0.16 ms alone, and 12×48→8 one 1.1-1.3 ms
 * with both against 0.04-0.06 ms alone (tails of 2-5 ms with both, under 0.5 ms alone). OpenMP's thread count is set for the calling
 * thread only (omp_set_num_threads) and put back at once.
 *
 * <p>Off unless {@code -Dnnsh.dnnl.alone=on}: on a quiet machine (load about 1) the same A/B on regnet_y_400mf gave pass
 * medians of 0.98-1.12 of the shared path's, no gain; it pays only where the cores are oversubscribed (0.79-0.87 at load 1.5-3.8).
 */
public final class DnnlThreads {
    private DnnlThreads() {}

    /** Multiply-adds below which a convolution runs alone: the largest of regnet_y_400mf's excitations has 581k. */
    public static final long ALONE_BELOW = 1L << 20;

    private static volatile boolean enabled = "on".equals(System.getProperty("nnsh.dnnl.alone"));

    /** For A/B measurements and tests. */
    public static void setEnabled(boolean on) { enabled = on; }

    public static boolean isEnabled() { return enabled; }

    /** Whether a convolution of this many multiply-adds is compiled and run on the calling thread alone. */
    public static boolean alone(long multiplyAdds) { return enabled && multiplyAdds >= 0 && multiplyAdds < ALONE_BELOW; }

    private static NativeOps ops() { return NativeOpsHolder.getInstance().getDeviceNativeOps(); }

    /** Limits the calling thread's OpenMP regions to one thread; returns what {@link #restore} puts back. */
    static int single() {
        int before = ops().ompGetMaxThreads();
        if (before > 1) ops().setOmpNumThreads(1);
        return before;
    }

    /** Undoes {@link #single}. */
    static void restore(int before) {
        if (before > 1) ops().setOmpNumThreads(before);
    }

    /** The calling thread's OpenMP thread count now (tests check it is put back). */
    public static int current() { return ops().ompGetMaxThreads(); }
}
