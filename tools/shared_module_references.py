"""References for a module registered twice in a Sequential (Module containers issue).

Prints PyTorch's print(model), the parameter names and count, and torchinfo's table for
    lin = nn.Linear(8, 8); body = nn.Sequential(lin, lin, nn.ReLU())
inside a net (input [2, 8]). The table is saved as
src/test/resources/dev/nnsh/summary/golden/shared_sequential.out; the printout and names are
copied into SharedModuleTest.java.

Run: PYTHONPATH=<torchinfo source> /usr/bin/python3 tools/shared_module_references.py
"""

import torch
from torch import nn
from torchinfo import summary


class SharedInSequential(nn.Module):
    def __init__(self):
        super().__init__()
        lin = nn.Linear(8, 8)
        self.body = nn.Sequential(lin, lin, nn.ReLU())

    def forward(self, x):
        return self.body(x)


if __name__ == "__main__":
    net = SharedInSequential()
    print(net)
    print([name for name, _ in net.named_parameters()])
    print(sum(p.numel() for p in net.parameters()))
    print(len(net.body))
    print(summary(net, input_size=(2, 8), verbose=0))
