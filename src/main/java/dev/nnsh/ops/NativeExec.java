package dev.nnsh.ops;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.tensor.NativeBuffers;

/**
 * Runs one ND4J op into a preallocated output, optionally without the oneDNN helpers (which reject
 * dilated convolutions and are slow for max pooling on this machine).
 */
final class NativeExec {
    private NativeExec() {}

    static INDArray run(DynamicCustomOp op, long[] outputShape, DataType type, boolean allowHelpers) {
        INDArray out = NativeBuffers.uninitialized(type, outputShape); // issue 11 (mem): pooled, reused once dead
        try (OpContext ctx = Nd4j.getExecutioner().buildContext()) {
            ctx.allowHelpers(allowHelpers);
            ctx.setInputArrays(op.inputArguments());
            ctx.setOutputArrays(out);
            ctx.setIArguments(op.iArgs());
            ctx.setTArguments(op.tArgs());
            ctx.setBArguments(op.bArgs());
            Nd4j.exec(op, ctx);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
        return out;
    }
}
