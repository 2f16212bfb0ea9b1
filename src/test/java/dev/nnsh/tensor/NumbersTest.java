package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Numbers print as torchinfo's Python does, whatever the JVM's default locale. */
class NumbersTest {
    @Test void aGermanDefaultLocaleChangesNothing() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("2,359,808", Numbers.format("%,d", 2_359_808L));
            assertEquals("2,359,808", Numbers.grouped(2_359_808L));
            assertEquals("20.07 GB", Numbers.bytes(20_070_400_000L));
            assertTrue(Tensor.of(new float[]{0.25f, 1.5f}, 2).toString().contains("0.2500"),
                    Tensor.of(new float[]{0.25f, 1.5f}, 2).toString());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test void bytesUseDecimalUnits() {
        assertEquals("512 bytes", Numbers.bytes(512));
        assertEquals("1.50 kB", Numbers.bytes(1500));
        assertEquals("40.00 GB", Numbers.bytes(40_000_000_000L));
    }
}
