package dev.nnsh.summary;

import java.util.List;

/**
 * torchinfo's mult-add count of one call, from the parameters (names relative to the module) and the
 * output shape: conv-like types count weight and bias per output position (batch × spatial), other
 * {@code weight}/{@code bias} per batch row (Linear-like types: per row of every dim but the last), and names that
 * merely contain weight/bias (RNN gates) per batch × sequence.
 */
final class MultAdds {
    private MultAdds() {}

    static long of(String typeName, List<LayerInfo.ParameterInfo> parameters, long[] out) {
        if (out == null || out.length == 0) return 0;
        boolean convLike = typeName.contains("Conv");
        boolean linear = typeName.contains("Linear");
        long macs = 0;
        for (LayerInfo.ParameterInfo p : parameters) {
            String name = p.name();
            if (name.equals("weight") || name.equals("bias")) {
                if (convLike) macs += p.count() * productSkipping(out, 1);
                else if (linear) macs += p.count() * productOfFirst(out, out.length - 1);
                else macs += p.count() * out[0];
            } else if (name.contains("weight") || name.contains("bias")) {
                macs += p.count() * productOfFirst(out, 2);
            }
        }
        return macs;
    }

    /** Product of all dims except {@code skipped}. */
    private static long productSkipping(long[] shape, int skipped) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) if (i != skipped) n *= shape[i];
        return n;
    }

    private static long productOfFirst(long[] shape, int count) {
        long n = 1;
        for (int i = 0; i < Math.min(count, shape.length); i++) n *= shape[i];
        return n;
    }
}
