#!/usr/bin/python3
"""Writes torchinfo's own tables for the torchvision 0.14 zoo into src/test/resources/zoo/.

Run with torchinfo's source on the path (it is not packaged for Debian):
    PYTHONPATH=/path/to/torchinfo-src /usr/bin/python3 tools/torchinfo_zoo_references.py [name ...]

For each torchvision model (weights=None, default constructor arguments, train mode as built):
  <name>.torchinfo.out   str(torchinfo.summary(model, input_size, depth=3)); input (1, 3, 224, 224),
                         inception_v3 (2, 3, 299, 299), video (1, 3, 16, 112, 112)
  <name>.params.txt      every parameter's dotted name and shape, in registration order
  <name>.print.txt       print(model)
  <name>.eval.torchinfo.out  (googlenet, inception_v3 only) the same in eval mode: no auxiliary heads run
                         (inception_v3 with one image: (1, 3, 299, 299))
torchinfo's Input size line counts Python's 56-byte object overhead per input tensor; the Java tests
subtract it.  Skips models whose three files already exist unless --force is given.
"""

import os
import sys
import time

import torch
import torchvision
import torchinfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "src", "test", "resources", "zoo")

FAMILIES = [
    ["resnext50_32x4d", "resnext101_32x8d", "resnext101_64x4d", "wide_resnet50_2", "wide_resnet101_2"],
    ["densenet161", "densenet169", "densenet201"],
    ["mobilenet_v3_large", "mobilenet_v3_small"],
    [f"efficientnet_b{i}" for i in range(8)] + ["efficientnet_v2_s", "efficientnet_v2_m", "efficientnet_v2_l"],
    ["mnasnet0_5", "mnasnet0_75", "mnasnet1_0", "mnasnet1_3"],
    [f"regnet_{k}_{s}" for k in "xy" for s in ("400mf", "800mf", "1_6gf", "3_2gf", "8gf", "16gf", "32gf")]
    + ["regnet_y_128gf"],
    ["googlenet"],
    ["inception_v3"],
    ["convnext_tiny", "convnext_small", "convnext_base", "convnext_large"],
    ["r3d_18", "mc3_18", "r2plus1d_18"],
    ["shufflenet_v2_x0_5", "shufflenet_v2_x1_0", "shufflenet_v2_x1_5", "shufflenet_v2_x2_0"],
    ["vit_b_16", "vit_b_32", "vit_l_16", "vit_l_32", "vit_h_14"],
    ["swin_t", "swin_s", "swin_b", "swin_v2_t", "swin_v2_s", "swin_v2_b"],
    ["maxvit_t"],
]
VIDEO = {"r3d_18", "mc3_18", "r2plus1d_18"}
WITH_AUX = {"googlenet", "inception_v3"}


def build(name):
    if name in VIDEO:
        return getattr(torchvision.models.video, name)()
    return getattr(torchvision.models, name)()


def input_size(name, training=True):
    if name in VIDEO:
        return (1, 3, 16, 112, 112)
    if name == "inception_v3":
        # in train mode the auxiliary head's BatchNorm sees 1×1 maps: one image is refused by PyTorch
        return (2 if training else 1, 3, 299, 299)
    return (1, 3, 224, 224)


def write(file, text):
    with open(os.path.join(OUT_DIR, file), "w", encoding="utf-8") as f:
        f.write(text)


def table(model, name):
    stats = torchinfo.summary(model, input_size=input_size(name, model.training), depth=3, verbose=0)
    return str(stats) + "\n"


def main(args):
    force = "--force" in args
    names = [a for a in args if a != "--force"] or [n for family in FAMILIES for n in family]
    torch.set_num_threads(1)
    os.makedirs(OUT_DIR, exist_ok=True)
    for name in names:
        files = [f"{name}.torchinfo.out", f"{name}.params.txt", f"{name}.print.txt"]
        if not force and all(os.path.exists(os.path.join(OUT_DIR, f)) for f in files):
            print(f"{name}: exists", flush=True)
            continue
        start = time.time()
        torch.manual_seed(0)
        model = build(name)
        write(f"{name}.print.txt", str(model) + "\n")
        write(f"{name}.params.txt", "".join(f"{n} {list(p.shape)}\n" for n, p in model.named_parameters()))
        if name in WITH_AUX:
            write(f"{name}.eval.torchinfo.out", table(model.eval(), name))
            model.train()
        write(f"{name}.torchinfo.out", table(model, name))
        total = sum(p.numel() for p in model.parameters())
        print(f"{name}: {total:,} params, {time.time() - start:.0f} s", flush=True)
        del model


if __name__ == "__main__":
    main(sys.argv[1:])
