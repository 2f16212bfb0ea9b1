package dev.nnsh.ops.fast;

/** A oneDNN call that returned an error status; the callers fall back to ND4J's kernels where they can. */
public final class DnnlException extends RuntimeException {
    private final int status;

    DnnlException(String call, int status) {
        super("oneDNN dnnl_" + call + " failed with status " + status);
        this.status = status;
    }

    public int status() { return status; }
}
