package dev.nnsh.io;

import java.util.Map;

import dev.nnsh.tensor.DType;

/** The dtype names of the safetensors header, both ways. */
final class SafetensorsFormat {
    private SafetensorsFormat() {}

    static final Map<String, DType> DTYPES = Map.of(
            "F32", DType.FLOAT32, "F16", DType.FLOAT16, "BF16", DType.BFLOAT16, "F64", DType.FLOAT64,
            "I64", DType.INT64, "I32", DType.INT32, "I16", DType.INT16, "I8", DType.INT8,
            "U8", DType.UINT8, "BOOL", DType.BOOL);

    static String nameOf(DType dtype) {
        for (var e : DTYPES.entrySet()) if (e.getValue() == dtype) return e.getKey();
        throw new IllegalArgumentException("no safetensors name for " + dtype);
    }

    /** The format also defines these; nnsh cannot hold them. */
    static final java.util.Set<String> KNOWN_UNSUPPORTED = java.util.Set.of(
            "U16", "U32", "U64", "F8_E4M3", "F8_E5M2", "F8_E8M0", "F6_E2M3", "F6_E3M2", "F4", "C64");
}
