/**
 * The layer API: what users type or extend, named and grouped as PyTorch's {@code torch.nn} docs
 * group them. The shape rules and ND4J kernels behind the layers live one package down, in
 * {@code dev.nnsh.ops}; the layering is tensor → ops → nn → summary → Nnsh → shell.
 *
 * <h2>Containers</h2>
 * {@link dev.nnsh.nn.Module}, {@link dev.nnsh.nn.Sequential}, {@link dev.nnsh.nn.ModuleList},
 * {@link dev.nnsh.nn.ModuleDict}; state: {@link dev.nnsh.nn.Parameter}, {@link dev.nnsh.nn.Buffer},
 * {@link dev.nnsh.nn.Init}.
 *
 * <h2>Convolution layers</h2>
 * {@link dev.nnsh.nn.Conv1d}, {@link dev.nnsh.nn.Conv2d}, {@link dev.nnsh.nn.ConvTranspose2d}
 * (base {@link dev.nnsh.nn.ConvNd}).
 *
 * <h2>Pooling layers</h2>
 * {@link dev.nnsh.nn.MaxPool1d}, {@link dev.nnsh.nn.MaxPool2d}, {@link dev.nnsh.nn.AvgPool2d},
 * {@link dev.nnsh.nn.AdaptiveAvgPool2d}.
 *
 * <h2>Non-linear activations</h2>
 * {@link dev.nnsh.nn.ReLU}, {@link dev.nnsh.nn.ReLU6}, {@link dev.nnsh.nn.LeakyReLU},
 * {@link dev.nnsh.nn.GELU}, {@link dev.nnsh.nn.SiLU}, {@link dev.nnsh.nn.Sigmoid},
 * {@link dev.nnsh.nn.Tanh}, {@link dev.nnsh.nn.Hardswish}, {@link dev.nnsh.nn.Softmax},
 * {@link dev.nnsh.nn.LogSoftmax}, {@link dev.nnsh.nn.MultiheadAttention}.
 *
 * <h2>Normalization layers</h2>
 * {@link dev.nnsh.nn.BatchNorm1d}, {@link dev.nnsh.nn.BatchNorm2d} (base
 * {@link dev.nnsh.nn.BatchNormBase}), {@link dev.nnsh.nn.LayerNorm}, {@link dev.nnsh.nn.GroupNorm}.
 *
 * <h2>Recurrent layers</h2>
 * {@link dev.nnsh.nn.RNN}, {@link dev.nnsh.nn.LSTM}, {@link dev.nnsh.nn.GRU} (base
 * {@link dev.nnsh.nn.RNNBase}, result {@link dev.nnsh.nn.RecurrentOutput}); cells
 * {@link dev.nnsh.nn.RNNCell}, {@link dev.nnsh.nn.LSTMCell}, {@link dev.nnsh.nn.GRUCell} (base
 * {@link dev.nnsh.nn.RNNCellBase}, result {@link dev.nnsh.nn.LSTMState}).
 *
 * <h2>Transformer layers</h2>
 * {@link dev.nnsh.nn.TransformerEncoder}, {@link dev.nnsh.nn.TransformerEncoderLayer}; attention
 * results {@link dev.nnsh.nn.AttentionOutput}.
 *
 * <h2>Linear layers</h2>
 * {@link dev.nnsh.nn.Identity}, {@link dev.nnsh.nn.Linear}.
 *
 * <h2>Dropout layers</h2>
 * {@link dev.nnsh.nn.Dropout}, {@link dev.nnsh.nn.Dropout2d}.
 *
 * <h2>Sparse layers</h2>
 * {@link dev.nnsh.nn.Embedding}.
 *
 * <h2>Vision layers</h2>
 * {@link dev.nnsh.nn.Upsample}.
 *
 * <h2>Utilities</h2>
 * {@link dev.nnsh.nn.Flatten}; functional forms {@link dev.nnsh.nn.F}; what a summary reads:
 * {@link dev.nnsh.nn.Windowed}, {@link dev.nnsh.nn.Grouped}, {@link dev.nnsh.nn.CallObserver};
 * errors {@link dev.nnsh.nn.ModuleException}.
 */
package dev.nnsh.nn;
