package dev.nnsh.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.MemoryGuard;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** Tensors to and from little-endian raw bytes (the layout of every format here), copied once. */
final class RawTensors {
    private RawTensors() {}

    /** A C-ordered tensor from {@code numel × dtype.bytes()} bytes starting at the source's position. */
    static Tensor fromBytes(DType dtype, long[] shape, ByteBuffer source) {
        MemoryGuard.checkAllocation(dtype, shape);
        INDArray array = Nd4j.createUninitialized(dtype.nd4j(), shape, 'c');
        long bytes = Shapes.numel(shape) * dtype.bytes();
        if (bytes > 0) {
            ByteBuffer src = source.slice().order(ByteOrder.LITTLE_ENDIAN);
            src.limit(Math.toIntExact(bytes));
            array.data().asNio().order(ByteOrder.LITTLE_ENDIAN).put(src);
        }
        return Tensor.of(array);
    }

    /** A C-ordered tensor read from a stream straight into its own (native) memory: no intermediate copy. */
    static Tensor fromStream(DType dtype, long[] shape, java.io.InputStream in,
                             java.util.function.Supplier<RuntimeException> truncated) throws java.io.IOException {
        MemoryGuard.checkAllocation(dtype, shape);
        INDArray array = Nd4j.createUninitialized(dtype.nd4j(), shape, 'c');
        long bytes = Shapes.numel(shape) * dtype.bytes();
        if (bytes > 0) {
            ByteBuffer target = array.data().asNio();
            target.limit(Math.toIntExact(bytes));
            java.nio.channels.ReadableByteChannel channel = java.nio.channels.Channels.newChannel(in);
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) throw truncated.get();
            }
        }
        return Tensor.of(array);
    }

    /** A C-ordered tensor read from a file at a position straight into its own (native) memory. */
    static Tensor fromChannel(DType dtype, long[] shape, java.nio.channels.FileChannel channel, long position)
            throws java.io.IOException {
        MemoryGuard.checkAllocation(dtype, shape);
        INDArray array = Nd4j.createUninitialized(dtype.nd4j(), shape, 'c');
        long bytes = Shapes.numel(shape) * dtype.bytes();
        if (bytes > 0) {
            ByteBuffer target = array.data().asNio();
            target.limit(Math.toIntExact(bytes));
            long at = position;
            while (target.hasRemaining()) {
                int n = channel.read(target, at);
                if (n < 0) throw new java.io.EOFException("file ends inside a tensor");
                at += n;
            }
        }
        return Tensor.of(array);
    }

    /**
     * A tensor that views a storage (as PyTorch's {@code as_strided}: element offset and strides in
     * elements) copied into a fresh C-ordered array.
     */
    static Tensor fromStrided(DType dtype, long[] shape, long[] stride, long offset, ByteBuffer storage) {
        int size = dtype.bytes();
        if (isContiguous(shape, stride)) {
            ByteBuffer at = storage.duplicate();
            at.position(Math.toIntExact(offset * size));
            return fromBytes(dtype, shape, at);
        }
        MemoryGuard.checkAllocation(dtype, shape);
        INDArray array = Nd4j.createUninitialized(dtype.nd4j(), shape, 'c');
        ByteBuffer out = array.data().asNio().order(ByteOrder.LITTLE_ENDIAN);
        long n = Shapes.numel(shape);
        long[] index = new long[shape.length];
        byte[] element = new byte[size];
        for (long i = 0; i < n; i++) {
            long at = offset;
            for (int d = 0; d < shape.length; d++) at += index[d] * stride[d];
            storage.get(Math.toIntExact(at * size), element);
            out.put(element);
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
        return Tensor.of(array);
    }

    /** The highest element index a view touches, +1 (0 for an empty view). */
    static long extent(long[] shape, long[] stride, long offset) {
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) return 0;
            last += (shape[d] - 1) * stride[d];
        }
        return last + 1;
    }

    static boolean isContiguous(long[] shape, long[] stride) {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /** The tensor's elements, C order, little-endian. */
    static ByteBuffer toBytes(Tensor t) {
        INDArray a = t.nd();
        if (a.ordering() != 'c' || a.isView() || a.data().length() != a.length()) a = a.dup('c');
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(a.length() * t.dtype().bytes())).order(ByteOrder.LITTLE_ENDIAN);
        if (a.length() > 0) {
            ByteBuffer src = a.data().asNio().order(ByteOrder.LITTLE_ENDIAN);
            src.limit(out.capacity());
            out.put(src);
        }
        return out.flip();
    }
}
