package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * issue 11 (shell): a free slab of a larger size class lent in pieces when none of a request's class is free.
 * Sizes no other test uses (the pool is the JVM's); the free list is emptied first, so the test's own
 * released slab is the only one a piece can come from.
 */
class PoolCarvingTest {
    private static final long[] PARENT = {9, 1024, 256};  // 9 MiB of float32
    private static final long[] PIECE = {333, 1024};      // 1.3 MiB: a class of its own
    /** The 9 MiB request's size class, by hand: 2^(93/4) bytes rounded up to 4 KiB pages (four classes per doubling). */
    private static final long SLAB_BYTES = 9_977_856;

    @BeforeEach void onlyTheTestsSlabsAreFree() {
        NativeBuffers.trim();
        NativeBuffers.setCarveRatio(8);
    }

    @AfterEach void defaultRatio() {
        NativeBuffers.setCarveRatio(BufferPool.CARVE_RATIO);
    }

    private static Tensor pooled(long... shape) { return Tensor.of(NativeBuffers.uninitialized(DataType.FLOAT, shape)); }

    private static long address(Tensor t) { return t.nd().data().address(); }

    private static long bytes(long[] shape) {
        long n = 4;
        for (long s : shape) n *= s;
        return n;
    }

    /**
     * Whether {@code t} lies inside the slab at {@code base}. Counters are not used to tell: the pool is the JVM's,
     * and another test's leftover thread may allocate at the same time.
     */
    private static boolean inside(Tensor t, long base) {
        long a = address(t);
        return a >= base && a + t.nd().length() * 4 <= base + SLAB_BYTES;
    }

    /** A released 9 MiB slab, its address. */
    private static long freeParent() {
        Tensor parent = pooled(PARENT);
        long base = address(parent);
        assertTrue(NativeBuffers.release(parent, "the test"));
        return base;
    }

    @Test void piecesOfAFreeLargerSlabLieInsideItAndNeverOverlap() {
        long base = freeParent();
        List<Tensor> pieces = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Tensor p = pooled(PIECE);
            p.nd().assign(i + 1);
            pieces.add(p);
        }
        for (int i = 0; i < pieces.size(); i++) {
            assertTrue(inside(pieces.get(i), base), "piece " + i + " should have been carved from the free slab");
            for (int j = 0; j < i; j++) assertFalse(NativeBuffers.shareMemory(pieces.get(i), pieces.get(j)), "pieces " + j + " and " + i + " overlap");
        }
        // more pieces until the slab is full: 7 of 1.3 MiB fit in its 9.5 MiB, the 8th and 9th come from elsewhere
        for (int i = 6; i < 9; i++) {
            Tensor p = pooled(PIECE);
            p.nd().assign(i + 1);
            for (Tensor q : pieces) assertFalse(NativeBuffers.shareMemory(p, q), "piece " + i + " overlaps a live one");
            pieces.add(p);
        }
        assertEquals(7, pieces.stream().filter(p -> inside(p, base)).count(), "a 9 MiB slab of its class holds seven pieces of 1.3 MiB");
        for (int i = 0; i < pieces.size(); i++) {
            assertEquals((i + 1) * 333.0 * 1024, pieces.get(i).sum().item(), "piece " + i + "'s values changed");
        }
        for (Tensor p : pieces) assertTrue(NativeBuffers.release(p, "the test"));
    }

    @Test void theSlabComesBackWholeOnlyOnceEveryPieceHas() {
        long base = freeParent();
        Tensor a = pooled(PIECE), b = pooled(PIECE);
        assertTrue(NativeBuffers.release(a, "the test"));
        Tensor whileOneIsOut = pooled(PARENT);
        assertNotEquals(base, address(whileOneIsOut), "a piece is still out: the slab must not be handed out whole");
        b.nd().assign(5);
        whileOneIsOut.nd().assign(-1);
        assertEquals(5.0 * 333 * 1024, b.sum().item());
        assertTrue(NativeBuffers.release(b, "the test"));
        Tensor afterAll = pooled(PARENT);
        assertEquals(base, address(afterAll), "every piece came back: the whole slab should be free again");
        NativeBuffers.release(afterAll, "the test");
        NativeBuffers.release(whileOneIsOut, "the test");
    }

    @Test void aSlabMoreThanTheRatioTimesTheRequestIsNotCarvedNorWithCarvingOff() {
        long base = freeParent();
        Tensor small = pooled(70, 1024); // 280 KiB: 9 MiB is more than 8 times that
        assertFalse(inside(small, base), "the slab is more than 8 times the request: it must not be lent in pieces");
        NativeBuffers.setCarveRatio(0);
        Tensor piece = pooled(PIECE);
        assertFalse(inside(piece, base), "carving is off: the free slab must not be lent in pieces");
        NativeBuffers.release(small, "the test");
        NativeBuffers.release(piece, "the test");
    }

    @Test void aReleasedPieceCannotBeReleasedTwiceNorUsed() {
        freeParent();
        Tensor piece = pooled(PIECE);
        assertTrue(NativeBuffers.release(piece, "the test"));
        assertFalse(NativeBuffers.release(piece, "the test"), "released twice");
        assertThrows(RuntimeException.class, () -> piece.sum(), "a released piece must not be usable");
    }

    @Test void threadsCarvingAtOnceNeverGetEachOthersLivePieces() throws Exception {
        for (int k = 0; k < 4; k++) freeParentOf(new long[] {4, 1024, 256}); // 4 MiB slabs to carve 600 KiB pieces from
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        long carved = NativeBuffers.stats().carved();
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                float mark = thread + 1;
                results.add(pool.submit(() -> {
                    List<Tensor> mine = new ArrayList<>();
                    for (int i = 0; i < 120; i++) {
                        Tensor t = pooled(150, 1024); // 600 KiB
                        t.nd().assign(mark);
                        mine.add(t);
                        Thread.yield();
                        if (mine.size() == 3) {
                            for (Tensor m : mine) {
                                double sum = m.sum().item();
                                if (sum != mark * 150 * 1024) return "thread " + mark + " pass " + i + ": sum " + sum;
                                NativeBuffers.release(m, "the test");
                            }
                            mine.clear();
                        }
                    }
                    return "ok";
                }));
            }
            for (java.util.concurrent.Future<String> r : results) assertEquals("ok", r.get());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(NativeBuffers.stats().carved() > carved, "some pieces should have been carved");
    }

    private static void freeParentOf(long[] shape) {
        assertTrue(NativeBuffers.release(pooled(shape), "the test"));
    }
}
