#!/usr/bin/python3
"""Writes the fixtures of issue 14 (weights and images) once, with Debian's python3-torch/torchvision.

Output: src/test/resources/weights/ (checkpoints in every format nnsh reads, a .npy copy of every
tensor for bit-for-bit comparison, PyTorch's outputs of the loaded models, a test image and
torchvision's transforms of it, hostile pickles) and src/main/resources/dev/nnsh/models/
imagenet_classes.txt (torchvision's 1000 ImageNet category names, one a line).

The .safetensors files are written here from the format's published specification with struct and
json only (an independent writer: no safetensors library involved).
Run: /usr/bin/python3 tools/make_weight_fixtures.py
"""

import io
import json
import os
import shutil
import struct
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torchvision.transforms as T
from PIL import Image
from torchvision.models._meta import _IMAGENET_CATEGORIES
from torchvision.models.resnet import BasicBlock, conv1x1

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "weights")
CLASSES = os.path.join(ROOT, "src", "main", "resources", "dev", "nnsh", "models", "imagenet_classes.txt")
MARKER = "/tmp/nnsh-hostile-pickle-marker"


class LeNet5(nn.Module):
    """The zoo's LeNet-5 (dev.nnsh.models.LeNet5): the same module names, so the same keys."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(400, 120), nn.ReLU(),
                                        nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


class TinyResNet(nn.Module):
    """torchvision's ResNet layout, 8 and 16 channels, one BasicBlock per stage (test class TinyResNet)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        self.layer1 = nn.Sequential(BasicBlock(8, 8))
        self.layer2 = nn.Sequential(BasicBlock(8, 16, 2, nn.Sequential(conv1x1(8, 16, 2), nn.BatchNorm2d(16))))
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer2(self.layer1(x))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def npy_copies(state, folder):
    """One .npy per tensor (bfloat16, which NumPy lacks, as its exact float32 widening)."""
    os.makedirs(folder, exist_ok=True)
    for name, t in state.items():
        t = t.detach().contiguous()
        if t.dtype == torch.bfloat16:
            t = t.float()
        np.save(os.path.join(folder, name + ".npy"), t.numpy())


SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64",
                      torch.int64: "I64", torch.int32: "I32", torch.uint8: "U8", torch.bool: "BOOL"}


def raw_bytes(t):
    t = t.detach().contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    return t.numpy().tobytes()


def write_safetensors(state, path):
    """The published layout: u64 little-endian header size, JSON header (space-padded), raw data."""
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in state.items():
        data = raw_bytes(t)
        header[name] = {"dtype": SAFETENSORS_DTYPES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def randomize_batchnorm(model, gen):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            with torch.no_grad():
                m.weight.copy_(1 + 0.2 * torch.randn(m.weight.shape, generator=gen))
                m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=gen))
                m.running_mean.copy_(0.1 * torch.randn(m.running_mean.shape, generator=gen))
                m.running_var.copy_(0.5 + torch.rand(m.running_var.shape, generator=gen))
                m.num_batches_tracked.fill_(7)


def dtype_tensors(gen):
    """Every dtype nnsh reads, storages shared between tensors, and non-contiguous views."""
    half = torch.randn(4, 6, generator=gen).half()
    base = torch.randn(5, 7, generator=gen)
    return {
        "f32": torch.randn(2, 3, generator=gen),
        "f16": half,
        "f16_rows_2_to_4": half[2:],             # shares f16's storage, storage offset 12
        "bf16": torch.randn(3, 5, generator=gen).bfloat16(),
        "f64": torch.randn(4, generator=gen).double(),
        "i64": torch.arange(-6, 6, dtype=torch.int64).reshape(3, 4) * 1_000_000_007,
        "i32": torch.arange(-5, 5, dtype=torch.int32) * 123_457,
        "u8": torch.arange(0, 256, 17, dtype=torch.int64).to(torch.uint8),
        "bool": torch.tensor([[True, False, True], [False, False, True]]),
        "scalar": torch.tensor(3.25),
        "transposed": base.t(),                  # strides (1, 7)
        "strided": base[1:, ::3],                # storage offset 7, strides (7, 3)
    }


def hostile(path, module, name, argument):
    """A torch.save-shaped zip whose data.pkl calls module.name(argument) when Python unpickles it."""
    pkl = b"\x80\x02c" + module.encode() + b"\n" + name.encode() + b"\nX" + struct.pack("<I", len(argument)) \
        + argument.encode() + b"\x85R."
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in [("archive/data.pkl", pkl), ("archive/version", b"3\n")]:
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)  # reproducible bytes


def test_image(path):
    """A 96x128 RGB picture with sharp edges and fine stripes (where antialiasing matters)."""
    h, w = 96, 128
    y, x = np.mgrid[0:h, 0:w]
    r = (x * 255 // (w - 1))
    g = (y * 255 // (h - 1))
    b = np.where((x // 3) % 2 == 0, 230, 20)
    disk = (x - 80) ** 2 + (y - 45) ** 2 < 24 ** 2
    r = np.where(disk, 250, r)
    g = np.where(disk, 200 - (x % 7) * 20, g)
    b = np.where((y > 64) & (x < 48), (x * y) % 256, b)
    img = np.stack([r, g, b], axis=-1).astype(np.uint8)
    Image.fromarray(img, "RGB").save(path)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    gen = torch.Generator().manual_seed(14)
    torch.manual_seed(14)

    lenet = LeNet5().eval()
    sd = lenet.state_dict()
    torch.save(sd, os.path.join(OUT, "lenet.pth"))
    write_safetensors(sd, os.path.join(OUT, "lenet.safetensors"))
    npy_copies(sd, os.path.join(OUT, "lenet_npy"))
    x = torch.randn(2, 1, 32, 32, generator=gen)
    np.save(os.path.join(OUT, "lenet_input.npy"), x.numpy())
    with torch.no_grad():
        np.save(os.path.join(OUT, "lenet_output.npy"), lenet(x).numpy())

    image_path = os.path.join(OUT, "image.png")
    test_image(image_path)
    picture = T.ToTensor()(Image.open(image_path).convert("RGB"))
    resized = T.Resize(64, antialias=True)(picture)
    cropped = T.CenterCrop(56)(resized)
    normalized = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])(cropped)
    shrunk_wide = T.Resize([40, 30], antialias=True)(picture)   # down by 3 and 5.33
    enlarged = T.Resize(112, antialias=True)(picture)         # upsampling
    for name, t in [("image_tensor", picture), ("image_resized", resized), ("image_cropped", cropped),
                    ("image_normalized", normalized), ("image_resized_40x30", shrunk_wide),
                    ("image_resized_112", enlarged)]:
        np.save(os.path.join(OUT, name + ".npy"), t.numpy())

    resnet = TinyResNet()
    randomize_batchnorm(resnet, gen)
    resnet.eval()
    sd = resnet.state_dict()
    torch.save({"state_dict": sd, "epoch": 12, "optimizer": {"lr": 0.1, "momentum": 0.9, "nesterov": False}},
               os.path.join(OUT, "tiny_resnet.pth"))
    np.savez_compressed(os.path.join(OUT, "tiny_resnet.npz"), **{k: v.numpy() for k, v in sd.items()})
    npy_copies(sd, os.path.join(OUT, "tiny_resnet_npy"))
    with torch.no_grad():
        np.save(os.path.join(OUT, "tiny_resnet_output.npy"), resnet(normalized.unsqueeze(0)).numpy())

    dt = dtype_tensors(gen)
    torch.save({"model": dt, "epoch": 3}, os.path.join(OUT, "dtypes.pth"))
    write_safetensors(dt, os.path.join(OUT, "dtypes.safetensors"))
    npy_copies(dt, os.path.join(OUT, "dtypes_npy"))

    hostile(os.path.join(OUT, "hostile_os_system.pth"), "os", "system", "touch " + MARKER)
    hostile(os.path.join(OUT, "hostile_eval.pth"), "builtins", "eval",
            "open('" + MARKER + "', 'w').write('executed')")

    # formats nnsh refuses with an explanation: a whole pickled module, the legacy format, TorchScript
    torch.save(nn.Linear(2, 2), os.path.join(OUT, "whole_module.pth"))
    torch.save({"w": torch.ones(2)}, os.path.join(OUT, "legacy.pth"), _use_new_zipfile_serialization=False)
    torch.jit.save(torch.jit.script(nn.Linear(2, 2)), os.path.join(OUT, "torchscript.pt"))

    os.makedirs(os.path.dirname(CLASSES), exist_ok=True)
    with open(CLASSES, "w") as f:
        f.write("\n".join(_IMAGENET_CATEGORIES) + "\n")

    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print("fixtures: %d bytes under %s" % (total, OUT))


if __name__ == "__main__":
    main()
