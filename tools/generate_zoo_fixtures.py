#!/usr/bin/python3
"""Writes the model-zoo fixtures src/test/resources/zoo/*.out with tools/reference_summary.py.

For each model: <name>.depth3.out (default depth 3) and <name>.depth1.out, default columns;
plus resnet18.all-columns.out, and <name>.print.txt = PyTorch's print(model) (a structure aid),
<name>.params.txt = every parameter's dotted name and shape, in registration order.  Checks the total parameter counts that torchvision documents.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
from reference_summary import build_model, summary_text  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "src", "test", "resources", "zoo")

MODELS = ["lenet5", "alexnet", "vgg11", "vgg13", "vgg16", "vgg19",
          "vgg11_bn", "vgg13_bn", "vgg16_bn", "vgg19_bn",
          "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
          "mobilenet_v2", "squeezenet1_0", "squeezenet1_1", "densenet121"]

EXPECTED_TOTALS = {
    "resnet18": 11_689_512, "resnet50": 25_557_032, "vgg16": 138_357_544,
    "alexnet": 61_100_840, "mobilenet_v2": 3_504_872, "squeezenet1_1": 1_235_496,
    "densenet121": 7_978_856, "lenet5": 61_706,
    # torchvision's documented counts for the rest of the zoo
    "vgg11": 132_863_336, "vgg13": 133_047_848, "vgg19": 143_667_240,
    "vgg11_bn": 132_868_840, "vgg13_bn": 133_053_736, "vgg16_bn": 138_365_992,
    "vgg19_bn": 143_678_248, "resnet34": 21_797_672, "resnet101": 44_549_160,
    "resnet152": 60_192_808, "squeezenet1_0": 1_248_424,
}

ALL_COLUMNS = ("input_size", "output_size", "num_params", "params_percent",
               "kernel_size", "mult_adds", "trainable")


def input_size(name):
    return (1, 1, 32, 32) if name == "lenet5" else (1, 3, 224, 224)


def write(name, text):
    with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
        f.write(text)


def main(selected):
    os.makedirs(OUT_DIR, exist_ok=True)
    torch.manual_seed(0)
    bad = 0
    for name in selected:
        model = build_model(name)
        total = sum(p.numel() for p in model.parameters())
        exp = EXPECTED_TOTALS.get(name)
        if exp is not None and exp != total:
            print(f"FAIL {name}: total params {total:,}, expected {exp:,}")
            bad += 1
        write(f"{name}.print.txt", str(model) + "\n")
        write(f"{name}.params.txt", "".join(f"{n} {list(p.shape)}\n" for n, p in model.named_parameters()))
        for depth in (3, 1):
            write(f"{name}.depth{depth}.out", summary_text(model, [input_size(name)], depth=depth))
        if name == "resnet18":
            write("resnet18.all-columns.out",
                  summary_text(model, [input_size(name)], depth=3, columns=ALL_COLUMNS,
                               row_settings=("depth", "var_names")))
        print(f"{name}: {total:,} params" + ("" if exp is None else " (checked)"), flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or MODELS))
