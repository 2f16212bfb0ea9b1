package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.TransformerEncoder(encoder_layer, num_layers, norm=None)}: {@code layers}, a ModuleList of
 * num_layers copies of the given layer (see {@link TransformerEncoderLayer#copy()}), run in order,
 * then the optional {@code norm}. {@code apply(src[, mask[, srcKeyPaddingMask]])}; {@link
 * #applyWithMasks} accepts null masks.
 */
public class TransformerEncoder extends Module {
    private final int numLayers;
    ModuleList layers;
    Module norm;


    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) {
        this(encoderLayer, numLayers, null);
    }

    /** With a final normalisation (PyTorch's {@code norm}), e.g. a LayerNorm; null for none. */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, Module norm) {
        if (encoderLayer == null) throw new IllegalArgumentException("TransformerEncoder: encoder_layer is null");
        this.numLayers = Args.positive("TransformerEncoder", "num_layers", numLayers);
        layers = new ModuleList();
        for (int i = 0; i < numLayers; i++) layers.add(encoderLayer.copy());
        this.norm = norm;
    }

    public int numLayers() { return numLayers; }

    public TransformerEncoderLayer layer(int index) { return (TransformerEncoderLayer) layers.get(index); }

    /** {@code apply(src, mask, srcKeyPaddingMask)}, where either mask may be null. */
    public Tensor applyWithMasks(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        return apply(src, mask, srcKeyPaddingMask);
    }

    @Override public Tensor forward(Tensor... inputs) {
        EncoderInputs in = EncoderInputs.of(typeName(), inputs);
        Tensor mask = in.mask(), keyPaddingMask = in.keyPaddingMask();
        Tensor x = in.src();
        for (Module layer : layers) x = layer.apply(x, mask, keyPaddingMask);
        return norm == null ? x : norm.apply(x);
    }
}
