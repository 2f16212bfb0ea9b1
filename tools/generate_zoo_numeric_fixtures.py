#!/usr/bin/python3
"""Writes small numeric fixtures for the torchvision zoo families into src/test/resources/zoo/numerics/.

Each fixture is a reduced member of a family (fewer, narrower blocks) or a few of its blocks, built from
torchvision 0.14's own classes: torch.manual_seed(0); every weight re-drawn ~ N(0, 1/fan_in), biases and
norm affine terms and running statistics made non-trivial (so BatchNorm in eval mode, ConvNeXt's
layer scale and squeeze-excitation all matter); eval mode.  Per fixture <name>/: one .npy per
state_dict entry, keys.txt (their order), input.npy and expected.npy (the module's output).
The Java test (dev.nnsh.models.ZooNumericsTest) builds the same module with nnsh, loads the state
dict by name and compares.  Usage: /usr/bin/python3 tools/generate_zoo_numeric_fixtures.py [fixture ...] (default: all, afresh)
"""
import math
import os
import shutil
import sys
from functools import partial

import numpy as np
import torch
from torch import nn
import importlib

from torchvision.models import maxvit, swin_transformer, vision_transformer, convnext, densenet, efficientnet, inception, mnasnet, mobilenetv3, regnet, resnet, shufflenetv2
from torchvision.models.video import resnet as video

googlenet = importlib.import_module("torchvision.models.googlenet")  # the package's name is the factory

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "src", "test", "resources", "zoo", "numerics")


def resnext_blocks():
    down = nn.Sequential(nn.Conv2d(16, 32, 1, stride=2, bias=False), nn.BatchNorm2d(32))
    return nn.Sequential(resnet.Bottleneck(16, 8, 2, down, groups=4, base_width=16),
                         resnet.Bottleneck(32, 8, 1, None, groups=4, base_width=16)), (1, 16, 12, 12)


def mobilenet_v3():
    c = partial(mobilenetv3.InvertedResidualConfig, dilation=1, width_mult=1.0)
    setting = [c(16, 3, 16, 16, True, "RE", 2), c(16, 3, 48, 24, False, "HS", 2), c(24, 5, 72, 24, True, "HS", 1)]
    return mobilenetv3.MobileNetV3(setting, last_channel=64, num_classes=10), (1, 3, 32, 32)


def efficientnet_v1():
    setting = [efficientnet.MBConvConfig(1, 3, 1, 16, 16, 1), efficientnet.MBConvConfig(6, 5, 2, 16, 24, 2)]
    return efficientnet.EfficientNet(setting, dropout=0.2, num_classes=10), (1, 3, 32, 32)


def efficientnet_v2():
    setting = [efficientnet.FusedMBConvConfig(1, 3, 1, 16, 16, 2), efficientnet.FusedMBConvConfig(4, 3, 2, 16, 24, 1),
               efficientnet.MBConvConfig(4, 3, 2, 24, 32, 1)]
    return efficientnet.EfficientNet(setting, dropout=0.2, num_classes=10, last_channel=64,
                                     norm_layer=partial(nn.BatchNorm2d, eps=1e-03)), (1, 3, 32, 32)


FIXTURES = {
    "resnext_blocks": resnext_blocks,
    "densenet": lambda: (densenet.DenseNet(8, (2, 2), 16, 2, 0, 10), (1, 3, 32, 32)),
    # every channel count whole blocks of 16: nnsh's dense blocks run in nChw16c (BlockedDenseBlock)
    "densenet_blocked": lambda: (densenet.DenseNet(16, (2, 2), 32, 2, 0, 10), (2, 3, 32, 32)),
    "mobilenet_v3": mobilenet_v3,
    "efficientnet_v1": efficientnet_v1,
    "efficientnet_v2": efficientnet_v2,
    "mnasnet": lambda: (mnasnet.MNASNet(0.1, num_classes=10), (1, 3, 32, 32)),
    "regnet_y": lambda: (regnet.RegNet(regnet.BlockParams.from_init_params(3, 16, 16.0, 2.0, 8, se_ratio=0.25),
                                       num_classes=10), (1, 3, 32, 32)),
    "googlenet_inception": lambda: (nn.Sequential(googlenet.Inception(16, 8, 8, 16, 4, 8, 8)), (1, 16, 9, 9)),
    "inception_v3_blocks": lambda: (nn.Sequential(inception.InceptionA(16, 8), inception.InceptionC(232, 8)), (1, 16, 9, 9)),
    "convnext": lambda: (convnext.ConvNeXt([convnext.CNBlockConfig(16, 32, 1), convnext.CNBlockConfig(32, None, 2)],
                                           stochastic_depth_prob=0.1, num_classes=10), (1, 3, 32, 32)),
    "video_blocks": lambda: (nn.Sequential(
        video.R2Plus1dStem(),
        video.BasicBlock(64, 16, video.Conv2Plus1D, 2,
                         nn.Sequential(nn.Conv3d(64, 16, 1, stride=(2, 2, 2), bias=False), nn.BatchNorm3d(16))),
        video.BasicBlock(16, 16, video.Conv3DNoTemporal),
        video.BasicBlock(16, 16, video.Conv3DSimple),
        nn.MaxPool3d(3, 1, 1),
        nn.AdaptiveAvgPool3d((1, 2, 2))), (1, 3, 4, 16, 16)),
    "vit": lambda: (vision_transformer.VisionTransformer(32, 8, 2, 2, 16, 32, num_classes=10), (2, 3, 32, 32)),
    "swin": lambda: (swin_transformer.SwinTransformer([4, 4], 16, [2, 2], [2, 4], [4, 4], num_classes=10), (1, 3, 36, 36)),
    "swin_v2": lambda: (swin_transformer.SwinTransformer([4, 4], 16, [2, 2], [2, 4], [4, 4], num_classes=10,
                                                         block=swin_transformer.SwinTransformerBlockV2,
                                                         downsample_layer=swin_transformer.PatchMergingV2), (1, 3, 32, 32)),
    "maxvit": lambda: (maxvit.MaxVit((32, 32), 8, 2, [16, 32], [1, 2], 8, 0.2, num_classes=10), (1, 3, 32, 32)),
    "shufflenet_v2": lambda: (shufflenetv2.ShuffleNetV2([2, 2, 1], [8, 16, 32, 64, 64], num_classes=10), (1, 3, 64, 64)),
}


def randomize(model):
    with torch.no_grad():
        for name, p in model.named_parameters():
            leaf = name.rsplit(".", 1)[-1]
            if p.dim() > 1 and leaf != "layer_scale":
                p.copy_(torch.randn_like(p) / math.sqrt(p[0].numel()))
            elif leaf == "weight" or leaf == "layer_scale":
                p.uniform_(0.5, 1.5)
            else:
                p.uniform_(-0.2, 0.2)
        for name, b in model.named_buffers():
            if name.endswith("running_mean"):
                b.uniform_(-0.5, 0.5)
            elif name.endswith("running_var"):
                b.uniform_(0.5, 2.0)


def main(selected):
    if not selected:
        shutil.rmtree(OUT_DIR, ignore_errors=True)
    for name, build in FIXTURES.items():
        if selected and name not in selected:
            continue
        torch.manual_seed(0)
        model, size = build()
        randomize(model)
        model.eval()
        folder = os.path.join(OUT_DIR, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        state = model.state_dict()
        for key, value in state.items():
            np.save(os.path.join(folder, key + ".npy"), value.numpy())
        with open(os.path.join(folder, "keys.txt"), "w") as f:
            f.write("".join(key + "\n" for key in state))
        x = torch.randn(*size)
        with torch.no_grad():
            y = model(x)
        np.save(os.path.join(folder, "input.npy"), x.numpy())
        np.save(os.path.join(folder, "expected.npy"), y.numpy())
        params = sum(p.numel() for p in model.parameters())
        print(f"{name}: {params:,} params, output {list(y.shape)}, max |y| {float(y.abs().max()):.3g}")


if __name__ == "__main__":
    main(sys.argv[1:])
