#!/usr/bin/python3
"""Runs torchvision's models and nnsh's zoo models on the same weights and input; prints the max abs diff.

usage: tools/compare_zoo_with_torchvision.py [model ...]   (default: resnet18 squeezenet1_1)
       models: torchvision names, e.g. resnet18 resnext50_32x4d efficientnet_b0 regnet_y_400mf convnext_tiny r3d_18

For each model: torchvision's model (seeded random weights; BatchNorm weights, biases and running statistics
made non-trivial, all-zero parameters redrawn) in eval mode; its state_dict, a random input [2, 3, 224, 224] ([2, 3, 299, 299] for inception_v3, [1, 3, 8, 112, 112] for video) and its output are written
as .npy files to a temporary folder; scripts/nnsh then loads them with Tensor.load, calls
Models.<name>().loadStateDict(...) (so every parameter and buffer name and shape must match torchvision's),
runs the model in eval mode and compares.  Exits 1 if a model differs by more than 1e-4 relative to its
output's magnitude, or fails to load.  Needs Debian's python3-torch and python3-torchvision; not a test.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torchvision

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE = 1e-4


VIDEO = {"r3d_18", "mc3_18", "r2plus1d_18"}


def java_factory(name):
    """torchvision's function name as the Models factory: an underscore between two digits stays, any other
    is dropped and the next letter capitalised (mobilenet_v2 -> mobilenetV2, resnext50_32x4d stays, r3d_18 -> r3d18)."""
    out, i = "", 0
    while i < len(name):
        if name[i] == "_" and not (0 < i < len(name) - 1 and name[i - 1].isdigit() and name[i + 1].isdigit()):
            out += name[i + 1].upper()
            i += 2
        else:
            out += name[i]
            i += 1
    return out


def build(name):
    return getattr(torchvision.models.video if name in VIDEO else torchvision.models, name)()


def input_shape(name):
    if name in VIDEO:
        return (1, 3, 8, 112, 112)
    return (2, 3, 299, 299) if name == "inception_v3" else (2, 3, 224, 224)


def export(name, folder):
    torch.manual_seed(0)
    model = build(name).eval()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (torch.nn.BatchNorm2d, torch.nn.BatchNorm3d)):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
        for p in model.parameters():
            if float(p.abs().max()) == 0:  # zero-initialised heads (ViT) and biases would compare nothing
                p.normal_(0, 0.02)
    state = model.state_dict()
    for key, value in state.items():
        np.save(os.path.join(folder, key + ".npy"), value.numpy())
    with open(os.path.join(folder, "keys.txt"), "w") as f:
        f.write("".join(key + "\n" for key in state))
    x = torch.rand(*input_shape(name))
    with torch.no_grad():
        y = model(x)
    np.save(os.path.join(folder, "input.npy"), x.numpy())
    np.save(os.path.join(folder, "expected.npy"), y.numpy())
    return float(y.abs().max())


SCRIPT = """
import java.nio.file.*;
var dir = Path.of("{folder}");
var state = new java.util.LinkedHashMap<String, Tensor>();
for (String k : Files.readAllLines(dir.resolve("keys.txt"))) state.put(k, Tensor.load(dir.resolve(k + ".npy")));
var net = Models.{factory}();
net.loadStateDict(state);
net.eval();
var out = net.apply(Tensor.load(dir.resolve("input.npy")));
var expected = Tensor.load(dir.resolve("expected.npy"));
System.out.println("MAXDIFF " + out.sub(expected).nd().amaxNumber().doubleValue());
"""


def compare(name):
    with tempfile.TemporaryDirectory(prefix="nnsh-zoo-") as folder:
        magnitude = export(name, folder)
        script = os.path.join(folder, "compare.jsh")
        with open(script, "w") as f:
            f.write(SCRIPT.format(folder=folder, factory=java_factory(name)))
        run = subprocess.run([os.path.join(ROOT, "scripts", "nnsh"), script], capture_output=True, text=True)
        lines = [line for line in run.stdout.splitlines() if line.startswith("MAXDIFF ")]
        if run.returncode != 0 or not lines:
            print(f"{name:16s} FAILED\n{run.stdout}{run.stderr}")
            return False
        diff = float(lines[-1].split()[1])
        ok = diff <= TOLERANCE * max(1.0, magnitude)
        print(f"{name:16s} max abs diff {diff:.3g} (outputs up to {magnitude:.3g}){'' if ok else '  MISMATCH'}")
        return ok


def main():
    names = sys.argv[1:] or ["resnet18", "squeezenet1_1"]
    results = [compare(name) for name in names]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
