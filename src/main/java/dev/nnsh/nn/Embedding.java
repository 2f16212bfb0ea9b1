package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.EmbeddingOps;
import dev.nnsh.tensor.Tensor;

/**
 * A lookup table of {@code num_embeddings} vectors of size {@code embedding_dim},
 * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)}; weight ~ N(0, 1), the
 * padding row zero. Indices (int64 or int32, any shape) give shape + [embedding_dim].
 */
public class Embedding extends Module {
    private final long numEmbeddings;
    private final long embeddingDim;
    private Long paddingIdx;

    public Embedding(long numEmbeddings, long embeddingDim) {
        this.numEmbeddings = Args.positive("Embedding", "num_embeddings", numEmbeddings);
        this.embeddingDim = Args.positive("Embedding", "embedding_dim", embeddingDim);
        resetParameters();
    }

    public Embedding(long numEmbeddings, long embeddingDim, long paddingIdx) {
        this(numEmbeddings, embeddingDim);
        paddingIdx(paddingIdx);
    }

    /** The row that stays zero; negative counts from the end, as in PyTorch. */
    public Embedding paddingIdx(long index) {
        if (index < -numEmbeddings || index >= numEmbeddings) {
            throw new IllegalArgumentException("Embedding: padding_idx must be within num_embeddings (" + (-numEmbeddings)
                    + ".." + (numEmbeddings - 1) + "), got " + index);
        }
        paddingIdx = index < 0 ? index + numEmbeddings : index;
        resetParameters();
        return this;
    }

    private void resetParameters() {
        Long zeroRow = paddingIdx;
        Init normal = Init.normal(0, 1);
        addParameter("weight", (dtype, shape) -> {
            Tensor w = normal.create(dtype, shape);
            if (zeroRow != null) w.nd().getRow(zeroRow).assign(0);
            return w;
        }, numEmbeddings, embeddingDim);
    }

    public long numEmbeddings() { return numEmbeddings; }

    public long embeddingDim() { return embeddingDim; }

    @Override public Tensor forward(Tensor indices) {
        return EmbeddingOps.embedding("Embedding", indices, ownParameters().get("weight").valueFor(indices));
    }

    @Override public String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }

    // --- issue 9: getters ---
    public Long paddingIdx() { return paddingIdx; }
}
