"""PyTorch's print and parameter count for each entry of the layer catalogue.

src/test/java/dev/nnsh/nn/LayerCatalogue.java has one line per public layer; its expected print
and parameter count are copied from this script's output, one line per layer here too, in the
same order and under the same name. Run:  /usr/bin/python3 tools/layer_catalogue_references.py
"""

from torch import nn

LAYERS = [
    ("AdaptiveAvgPool2d", lambda: nn.AdaptiveAvgPool2d(3)),
    ("AdaptiveAvgPool3d", lambda: nn.AdaptiveAvgPool3d(2)),
    ("AdaptiveMaxPool2d", lambda: nn.AdaptiveMaxPool2d(3)),
    ("AvgPool2d", lambda: nn.AvgPool2d(3, 2, 1)),
    ("BatchNorm1d", lambda: nn.BatchNorm1d(3)),
    ("BatchNorm2d", lambda: nn.BatchNorm2d(3)),
    ("BatchNorm3d", lambda: nn.BatchNorm3d(3)),
    ("ChannelShuffle", lambda: nn.ChannelShuffle(2)),
    ("Conv1d", lambda: nn.Conv1d(2, 4, 3, padding=1)),
    ("Conv2d", lambda: nn.Conv2d(2, 4, 3, stride=2, padding=1)),
    ("Conv3d", lambda: nn.Conv3d(2, 4, 3, stride=2, padding=1)),
    ("ConvTranspose2d", lambda: nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1)),
    ("Dropout", lambda: nn.Dropout(0.3)),
    ("Dropout2d", lambda: nn.Dropout2d(0.3)),
    ("ELU", lambda: nn.ELU(0.5)),
    ("Embedding", lambda: nn.Embedding(10, 4)),
    ("Flatten", lambda: nn.Flatten()),
    ("GELU", lambda: nn.GELU()),
    ("GRU", lambda: nn.GRU(3, 4)),
    ("GRUCell", lambda: nn.GRUCell(3, 4)),
    ("GroupNorm", lambda: nn.GroupNorm(2, 4)),
    ("Hardsigmoid", lambda: nn.Hardsigmoid()),
    ("Hardswish", lambda: nn.Hardswish()),
    ("Hardtanh", lambda: nn.Hardtanh(-2.0, 3.5)),
    ("Identity", lambda: nn.Identity()),
    ("InstanceNorm2d", lambda: nn.InstanceNorm2d(3, affine=True)),
    ("LSTM", lambda: nn.LSTM(3, 4, 2)),
    ("LSTMCell", lambda: nn.LSTMCell(3, 4)),
    ("LayerNorm", lambda: nn.LayerNorm(5)),
    ("LeakyReLU", lambda: nn.LeakyReLU(0.2)),
    ("Linear", lambda: nn.Linear(4, 3)),
    ("LogSoftmax", lambda: nn.LogSoftmax(dim=1)),
    ("MaxPool1d", lambda: nn.MaxPool1d(2)),
    ("MaxPool2d", lambda: nn.MaxPool2d(3, 2, 1)),
    ("MaxPool3d", lambda: nn.MaxPool3d(3, 2, 1)),
    ("Mish", lambda: nn.Mish()),
    ("ModuleDict", lambda: nn.ModuleDict({"fc": nn.Linear(2, 2)})),
    ("ModuleList", lambda: nn.ModuleList([nn.Linear(2, 2), nn.ReLU()])),
    ("MultiheadAttention", lambda: nn.MultiheadAttention(4, 2)),
    ("NonDynamicallyQuantizableLinear",
     lambda: nn.modules.linear.NonDynamicallyQuantizableLinear(4, 4, bias=True)),
    ("PReLU", lambda: nn.PReLU(3)),
    ("RNN", lambda: nn.RNN(3, 4)),
    ("RNNCell", lambda: nn.RNNCell(3, 4)),
    ("ReLU", lambda: nn.ReLU()),
    ("ReLU6", lambda: nn.ReLU6()),
    ("Sequential", lambda: nn.Sequential(nn.Linear(4, 3), nn.ReLU())),
    ("SiLU", lambda: nn.SiLU()),
    ("Sigmoid", lambda: nn.Sigmoid()),
    ("Softmax", lambda: nn.Softmax(dim=1)),
    ("Tanh", lambda: nn.Tanh()),
    ("TransformerEncoder",
     lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, dim_feedforward=8), 2, enable_nested_tensor=False)),
    ("TransformerEncoderLayer", lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8)),
    ("Unflatten", lambda: nn.Unflatten(1, (2, 5))),
    ("Upsample", lambda: nn.Upsample(scale_factor=2, mode="nearest")),
    ("ZeroPad2d", lambda: nn.ZeroPad2d((1, 2, 0, 3))),
]

if __name__ == "__main__":
    for name, make in LAYERS:
        m = make()
        print(name, sum(p.numel() for p in m.parameters()), repr(str(m)), sep="\t")
