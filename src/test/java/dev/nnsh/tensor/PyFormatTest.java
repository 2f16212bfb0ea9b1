package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected texts are what Python 3 prints for repr(float) and for tuples. */
class PyFormatTest {
    @Test void floatsAsPythonReprWritesThem() {
        assertEquals("1e-05", PyFormat.floatRepr(1e-5));
        assertEquals("1.5e-05", PyFormat.floatRepr(1.5e-5));
        assertEquals("0.0001", PyFormat.floatRepr(1e-4));
        assertEquals("0.1", PyFormat.floatRepr(0.1));
        assertEquals("0.5", PyFormat.floatRepr(0.5));
        assertEquals("1.0", PyFormat.floatRepr(1));
        assertEquals("100.0", PyFormat.floatRepr(100));
        assertEquals("0.0", PyFormat.floatRepr(0));
        assertEquals("-0.01", PyFormat.floatRepr(-0.01));
        assertEquals("1e+16", PyFormat.floatRepr(1e16));
        assertEquals("1234567890123456.0", PyFormat.floatRepr(1234567890123456.0));
    }

    @Test void tuplesAsPythonWritesThem() {
        assertEquals("(512,)", PyFormat.tuple(new long[]{512}));
        assertEquals("(3, 4)", PyFormat.tuple(new long[]{3, 4}));
    }
}
