package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** The positional inputs of a transformer encoder call: {@code (src[, mask[, src_key_padding_mask]])}, masks optional. */
record EncoderInputs(Tensor src, Tensor mask, Tensor keyPaddingMask) {
    static EncoderInputs of(String layer, Tensor[] inputs) {
        if (inputs.length > 3) {
            throw new IllegalArgumentException(layer + " takes 1 to 3 inputs (src, mask, src_key_padding_mask), got "
                    + inputs.length);
        }
        return new EncoderInputs(inputs[0], inputs.length > 1 ? inputs[1] : null, inputs.length > 2 ? inputs[2] : null);
    }
}
