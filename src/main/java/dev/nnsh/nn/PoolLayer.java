package dev.nnsh.nn;

/** What the pooling layers share: their window arguments, as {@link Windowed} reports them. */
public abstract class PoolLayer extends Module implements Windowed {
    final PoolWindow window;

    PoolLayer(String layer, int dims) {
        window = new PoolWindow(layer, dims);
    }

    @Override public int[] kernelSize() { return window.kernel.values(); }

    @Override public boolean kernelGivenAsInt() { return window.kernel.givenAsInt(); }

    @Override public int[] stride() { return window.stride().values(); }

    @Override public int[] padding() { return window.padding.values(); }

    @Override public int[] dilation() { return window.dilation.values(); }

    @Override public boolean ceilMode() { return window.ceilMode; }
}
