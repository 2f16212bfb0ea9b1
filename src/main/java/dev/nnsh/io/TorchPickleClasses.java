package dev.nnsh.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

import dev.nnsh.tensor.DType;

/** The allow-list: the only Python names a state dict pickle may use, each an inert Java stand-in. */
final class TorchPickleClasses {
    private TorchPickleClasses() {}

    /** A storage as its persistent id names it: data/KEY in the archive, NUMEL elements of DTYPE. */
    record StorageRef(String key, DType dtype, long numel) {}

    /** A tensor as torch._utils._rebuild_tensor_v2 describes it: a strided view of a storage. */
    record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride) {}

    /** A storage class (torch.FloatStorage...): only ever an argument of a persistent id. */
    record StorageType(String name, DType dtype) implements IObjectConstructor {
        @Override public Object construct(Object[] args) {
            throw new PickleException(name + " is only valid inside a storage's persistent id");
        }
    }

    static final Map<String, IObjectConstructor> ALLOWED = new LinkedHashMap<>();
    static final Map<String, DType> STORAGES = new LinkedHashMap<>();
    static final Map<String, String> UNSUPPORTED_STORAGES = new LinkedHashMap<>();

    static {
        ALLOWED.put("collections.OrderedDict", TorchPickleClasses::orderedDict);
        ALLOWED.put("torch._utils._rebuild_tensor_v2", TorchPickleClasses::rebuildTensor);
        ALLOWED.put("torch._utils._rebuild_parameter", TorchPickleClasses::rebuildParameter);
        ALLOWED.put("torch._utils._rebuild_parameter_with_state", TorchPickleClasses::rebuildParameter);
        STORAGES.put("torch.FloatStorage", DType.FLOAT32);
        STORAGES.put("torch.HalfStorage", DType.FLOAT16);
        STORAGES.put("torch.BFloat16Storage", DType.BFLOAT16);
        STORAGES.put("torch.DoubleStorage", DType.FLOAT64);
        STORAGES.put("torch.LongStorage", DType.INT64);
        STORAGES.put("torch.IntStorage", DType.INT32);
        STORAGES.put("torch.ShortStorage", DType.INT16);
        STORAGES.put("torch.CharStorage", DType.INT8);
        STORAGES.put("torch.ByteStorage", DType.UINT8);
        STORAGES.put("torch.BoolStorage", DType.BOOL);
        UNSUPPORTED_STORAGES.put("torch.ComplexFloatStorage", "complex64");
        UNSUPPORTED_STORAGES.put("torch.ComplexDoubleStorage", "complex128");
        UNSUPPORTED_STORAGES.put("torch.QInt8Storage", "qint8");
        UNSUPPORTED_STORAGES.put("torch.QUInt8Storage", "quint8");
        UNSUPPORTED_STORAGES.put("torch.QInt32Storage", "qint32");
        UNSUPPORTED_STORAGES.put("torch.QUInt4x2Storage", "quint4x2");
    }

    static List<String> supportedDtypes() {
        List<String> out = new ArrayList<>();
        for (DType d : STORAGES.values()) out.add(d.toString());
        return out;
    }

    private static Object orderedDict(Object[] args) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (args.length > 0 && args[0] instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Object[] pair && pair.length == 2) map.put(pair[0], pair[1]);
            }
        }
        return map;
    }

    /** (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]) */
    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof StorageRef storage)) {
            throw new PickleException("_rebuild_tensor_v2 expects (storage, offset, size, stride, ...), got "
                    + args.length + " arguments");
        }
        long offset = toLong(args[1], "storage offset");
        long[] shape = longs(args[2], "size");
        long[] stride = longs(args[3], "stride");
        if (shape.length != stride.length) {
            throw new PickleException("tensor size " + java.util.Arrays.toString(shape) + " and stride "
                    + java.util.Arrays.toString(stride) + " differ in length");
        }
        try { // a crafted size must not overflow into a small (or negative) element count
            long extent = offset;
            for (int d = 0; d < shape.length; d++) {
                extent = Math.addExact(extent, Math.multiplyExact(Math.max(shape[d] - 1, 0), stride[d]));
                Math.multiplyExact(Math.multiplyExact(shape[d], Math.max(stride[d], 1)), (long) storage.dtype().bytes());
            }
            long numel = 1;
            for (long s : shape) numel = Math.multiplyExact(numel, s);
            Math.multiplyExact(numel, (long) storage.dtype().bytes());
        } catch (ArithmeticException e) {
            throw new PickleException("tensor size " + java.util.Arrays.toString(shape) + " with stride "
                    + java.util.Arrays.toString(stride) + " is too large");
        }
        return new TensorRef(storage, offset, shape, stride);
    }

    /** (data, requires_grad, backward_hooks[, state]): a parameter is its data here. */
    private static Object rebuildParameter(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof TensorRef)) {
            throw new PickleException("_rebuild_parameter expects a tensor as its first argument");
        }
        return args[0];
    }

    static long toLong(Object o, String what) {
        if (o instanceof Integer i) return i;
        if (o instanceof Long l) return l;
        throw new PickleException(what + " is not an integer: " + o);
    }

    private static long[] longs(Object o, String what) {
        if (!(o instanceof Object[] items)) throw new PickleException(what + " is not a tuple: " + o);
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = toLong(items[i], what);
            if (out[i] < 0) throw new PickleException(what + " has a negative entry: " + out[i]);
        }
        return out;
    }
}
