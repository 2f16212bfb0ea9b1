package dev.nnsh.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Interleaved A/B timing of ND4J conv2d paths for one seed-network layer:
 * {@code ConvPathBench C_in C_out H [batch=12] [rounds=5]}. Prints the median of each variant and
 * their ratio; run under load, only the ratio means something.
 */
public final class ConvPathBench {
    public static void main(String[] args) {
        long cin = Long.parseLong(args[0]), cout = Long.parseLong(args[1]), h = Long.parseLong(args[2]);
        long batch = args.length > 3 ? Long.parseLong(args[3]) : 12;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, cin, h, h);
        INDArray w = Nd4j.rand(DataType.FLOAT, cout, cin, 3, 3);
        INDArray b = Nd4j.rand(DataType.FLOAT, cout);
        System.out.println("oneDNN build: " + NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN"));
        long[] outShape = {batch, cout, h, h};
        Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX).build();
        INDArray reused = Nd4j.createUninitialized(DataType.FLOAT, outShape);
        List<String> names = List.of("oneDNN helper", "no helper (im2col+gemm)", "oneDNN, reused output", "fill new array only", "fill reused array");
        List<Supplier<INDArray>> variants = List.of(
                () -> run(new Conv2D(x, w, b, config), outShape, true),
                () -> run(new Conv2D(x, w, b, config), outShape, false),
                () -> run(new Conv2D(x, w, b, config), reused, true),
                () -> Nd4j.createUninitialized(DataType.FLOAT, outShape).assign(1),
                () -> reused.assign(1));
        INDArray a0 = variants.get(0).get(), a1 = variants.get(1).get();
        System.out.println("max |difference|: " + Math.abs(a0.sub(a1).amaxNumber().doubleValue()));
        List<List<Double>> times = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) times.add(new ArrayList<>());
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < variants.size(); v++) {
                long t0 = System.nanoTime();
                INDArray out = variants.get(v).get();
                times.get(v).add((System.nanoTime() - t0) / 1e6);
                if (out != reused) out.close();
            }
        }
        double base = SeedForwardProfile.median(times.get(0));
        for (int v = 0; v < variants.size(); v++) {
            double m = SeedForwardProfile.median(times.get(v));
            System.out.printf("%-26s median %8.1f ms  ratio %.2f  %s%n", names.get(v), m, m / base, times.get(v));
        }
    }

    static INDArray run(DynamicCustomOp op, long[] outShape, boolean helpers) {
        return run(op, Nd4j.createUninitialized(DataType.FLOAT, outShape), helpers);
    }

    static INDArray run(DynamicCustomOp op, INDArray out, boolean helpers) {
        try (OpContext ctx = Nd4j.getExecutioner().buildContext()) {
            ctx.allowHelpers(helpers);
            ctx.setInputArrays(op.inputArguments());
            ctx.setOutputArrays(out);
            ctx.setIArguments(op.iArgs());
            Nd4j.exec(op, ctx);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
