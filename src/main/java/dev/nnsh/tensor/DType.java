package dev.nnsh.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/** Element types, named as PyTorch names them (`torch.float32` prints as `float32`). */
public enum DType {
    FLOAT32("float32", 4, DataType.FLOAT),
    FLOAT64("float64", 8, DataType.DOUBLE),
    FLOAT16("float16", 2, DataType.HALF),
    BFLOAT16("bfloat16", 2, DataType.BFLOAT16),
    INT64("int64", 8, DataType.LONG),
    INT32("int32", 4, DataType.INT),
    INT16("int16", 2, DataType.SHORT),
    INT8("int8", 1, DataType.BYTE),
    UINT8("uint8", 1, DataType.UBYTE),
    BOOL("bool", 1, DataType.BOOL);

    private final String torchName;
    private final int bytes;
    private final DataType nd4j;

    DType(String torchName, int bytes, DataType nd4j) {
        this.torchName = torchName;
        this.bytes = bytes;
        this.nd4j = nd4j;
    }

    public int bytes() { return bytes; }

    public DataType nd4j() { return nd4j; }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
    }

    /** bool < integer < floating point: the categories of PyTorch's type promotion. */
    public int category() { return this == BOOL ? 0 : isFloatingPoint() ? 2 : 1; }

    /** The common type of two tensors of the same category rank: the floating one, else the wider. */
    public static DType promote(DType a, DType b) {
        if (a == b) return a;
        if (a.isFloatingPoint() != b.isFloatingPoint()) return a.isFloatingPoint() ? a : b;
        return a.bytes() >= b.bytes() ? a : b;
    }

    /**
     * PyTorch's result type for two tensors: a zero-dimensional operand only decides the type when it
     * is of a higher category (bool < integer < floating) than the other; float32 + float64 scalar is float32.
     */
    public static DType resultType(DType a, boolean aZeroDim, DType b, boolean bZeroDim) {
        if (aZeroDim == bZeroDim) return promote(a, b);
        DType dimensioned = aZeroDim ? b : a;
        DType zeroDim = aZeroDim ? a : b;
        return zeroDim.category() > dimensioned.category() ? zeroDim : dimensioned;
    }

    public static DType of(DataType type) {
        for (DType d : values()) if (d.nd4j == type) return d;
        throw new IllegalArgumentException("unsupported ND4J data type " + type);
    }

    @Override public String toString() { return torchName; }
}
