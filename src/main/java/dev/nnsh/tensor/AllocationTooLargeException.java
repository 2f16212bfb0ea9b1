package dev.nnsh.tensor;

/**
 * A real tensor that would not fit in the memory this machine has free. Thrown before ND4J is asked,
 * because libnd4j does not fail cleanly on an impossible allocation: it crashes the JVM.
 */
public class AllocationTooLargeException extends RuntimeException {
    private final long[] shape;
    private final long bytesNeeded;
    private final long bytesAvailable;

    public AllocationTooLargeException(long[] shape, DType dtype, long bytesNeeded, long bytesAvailable) {
        super("cannot allocate a tensor of shape " + Shapes.format(shape) + " (" + dtype + "): it needs "
                + Numbers.bytes(bytesNeeded) + " (" + Numbers.grouped(bytesNeeded) + " bytes), but only "
                + Numbers.bytes(bytesAvailable) + " (" + Numbers.grouped(bytesAvailable)
                + " bytes) of memory are available");
        this.shape = shape.clone();
        this.bytesNeeded = bytesNeeded;
        this.bytesAvailable = bytesAvailable;
    }

    public long[] shape() { return shape.clone(); }
    public long bytesNeeded() { return bytesNeeded; }
    public long bytesAvailable() { return bytesAvailable; }
}
