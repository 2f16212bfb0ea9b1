package dev.nnsh.ops.fast;

/**
 * Issue 11 (mem): what the oneDNN paths hold in native memory beside the tensors, for benchmarks and
 * tests: the shared scratchpad, Winograd's two shared blocked buffers, and the reordered weight copies;
 * and the memory switches, for A/B measurements in one JVM.
 */
public final class DnnlMemory {
    private DnnlMemory() {}

    /** Bytes of the scratchpad every primitive shares (sized to the largest need seen). */
    public static long scratchpadBytes() { return Dnnl.scratchpadBytes(); }

    /** Bytes of Winograd's shared nChw16c source and destination buffers. */
    public static long winogradBlockedBytes() { return DnnlWinograd.blockedBytes(); }

    /** Bytes of weights kept reordered into a primitive's layout (blocked, or Winograd's transformed ones). */
    public static long reorderedWeightBytes() { return DnnlWeights.cachedBytes(); }

    /** Whether Winograd transforms its weights at each call (true, the default) or keeps them transformed per layer. */
    public static boolean winogradWeightsPerCall() { return DnnlWinograd.weightsPerCall(); }

    /** For A/B measurements: Winograd's weights transformed per call (true) or kept transformed (false, -Dnnsh.winograd.weights=cached). */
    public static void setWinogradWeightsPerCall(boolean on) { DnnlWinograd.setWeightsPerCall(on); }

    /** One line: the three figures in MiB. */
    public static String describe() {
        return String.format("scratchpad %.1f MiB, winograd blocked %.1f MiB, reordered weights %.1f MiB",
                scratchpadBytes() / 1048576.0, winogradBlockedBytes() / 1048576.0, reorderedWeightBytes() / 1048576.0);
    }
}
