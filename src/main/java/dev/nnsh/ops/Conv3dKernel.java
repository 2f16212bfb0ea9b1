package dev.nnsh.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv3D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * 3-D convolution on ND4J for Conv3d: x [N, C, D, H, W], PyTorch's weight [O, C/groups, kD, kH, kW]
 * (ND4J's conv3dnew wants [kD, kH, kW, C, O]); symmetric padding per dim; groups run one by one.
 */
public final class Conv3dKernel {
    private Conv3dKernel() {}

    public static INDArray conv3d(INDArray x, INDArray w, INDArray b, int[] stride, int[] padding, int[] dilation, int groups,
                                  long[] resultShape) {
        if (groups == 1) return single(x, w, b, stride, padding, dilation, resultShape);
        long[] groupShape = resultShape.clone();
        groupShape[1] = resultShape[1] / groups;
        long inPerGroup = x.size(1) / groups, outPerGroup = w.size(0) / groups;
        INDArray[] parts = new INDArray[groups];
        for (int g = 0; g < groups; g++) {
            INDArray xg = x.get(NDArrayIndex.all(), NDArrayIndex.interval(g * inPerGroup, (g + 1) * inPerGroup)).dup('c');
            INDArray wg = w.get(NDArrayIndex.interval(g * outPerGroup, (g + 1) * outPerGroup)).dup('c');
            INDArray bg = b == null ? null : b.get(NDArrayIndex.interval(g * outPerGroup, (g + 1) * outPerGroup)).dup('c');
            parts[g] = single(xg, wg, bg, stride, padding, dilation, groupShape);
        }
        return Nd4j.concat(1, parts);
    }

    /** oneDNN's helpers reject dilated 3-D convolutions, so those run on ND4J's own kernel. */
    private static INDArray single(INDArray x, INDArray w, INDArray b, int[] s, int[] p, int[] d, long[] resultShape) {
        Conv3DConfig config = Conv3DConfig.builder()
                .kD(w.size(2)).kH(w.size(3)).kW(w.size(4)).sD(s[0]).sH(s[1]).sW(s[2]).pD(p[0]).pH(p[1]).pW(p[2])
                .dD(d[0]).dH(d[1]).dW(d[2]).biasUsed(b != null).paddingMode(PaddingMode.VALID).dataFormat("NCDHW").build();
        INDArray weights = w.permute(2, 3, 4, 1, 0).dup('c');
        INDArray input = x.dup('c');
        Conv3D op = b == null ? new Conv3D(input, weights, config) : new Conv3D(input, weights, b.dup('c'), config);
        INDArray out = Nd4j.createUninitialized(x.dataType(), resultShape);
        try (OpContext ctx = Nd4j.getExecutioner().buildContext()) {
            ctx.allowHelpers(d[0] == 1 && d[1] == 1 && d[2] == 1);
            ctx.setInputArrays(op.inputArguments());
            ctx.setOutputArrays(out);
            ctx.setIArguments(op.iArgs());
            Nd4j.exec(op, ctx);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
        return out;
    }
}
