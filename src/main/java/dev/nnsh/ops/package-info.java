/**
 * The kernels below the layers: for each op family its shape rule (checked in Java, for real and
 * shape-only tensors alike) and its ND4J computation, which runs only for real tensors once the shape
 * is known and the memory guard has passed. This package uses only {@code dev.nnsh.tensor}; the
 * layers in {@code dev.nnsh.nn} and the functional façade {@code F} call it (a test reads the class
 * files to keep it so).
 *
 * <p>Families: {@link dev.nnsh.ops.LinearOps}, {@link dev.nnsh.ops.ConvOps},
 * {@link dev.nnsh.ops.PoolOps}, {@link dev.nnsh.ops.ResampleOps} (adaptive pooling, interpolation),
 * {@link dev.nnsh.ops.PadOps}, {@link dev.nnsh.ops.NormOps}, {@link dev.nnsh.ops.DropoutOps},
 * {@link dev.nnsh.ops.EmbeddingOps}, {@link dev.nnsh.ops.ActivationOps},
 * {@link dev.nnsh.ops.RecurrentOps}, {@link dev.nnsh.ops.AttentionOps}; shared rules
 * {@link dev.nnsh.ops.Window} (sliding-window output sizes) and {@link dev.nnsh.ops.Args}
 * (argument checks).
 */
package dev.nnsh.ops;
