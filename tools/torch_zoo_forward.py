#!/usr/bin/python3
"""PyTorch's eval forward of one network at batch 12, the counterpart of ZooForwardBench (scripts/bench).

usage: tools/torch_zoo_forward.py NAME [runs=3] [threads=2]
Prints one line: RESULT name median_s min_s max_s peak_rss_mib cold_median_s (NNSH_BENCH_WARMUP_S: see main).
Not used by the tests.
"""
import resource
import statistics
import os
import sys
import time

import torch
from torch import nn
import torchvision


def seed():
    conv = lambda i, o: nn.Conv2d(i, o, 3, 1, 1)

    class SeedVGG11(nn.Module):  # as src/test/java/dev/nnsh/testnets/SeedVGG11.java: no activations
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                conv(1, 64), nn.MaxPool2d(2), conv(64, 128), nn.MaxPool2d(2),
                conv(128, 256), conv(256, 256), nn.MaxPool2d(2),
                conv(256, 512), conv(512, 512), nn.MaxPool2d(2),
                conv(512, 512), conv(512, 512), nn.MaxPool2d(2))
            self.classifier = nn.Sequential(nn.Linear(7 * 7 * 512, 4096), nn.Linear(4096, 4096), nn.Linear(4096, 1000))

        def forward(self, x):
            return self.classifier(torch.flatten(self.features(x), 1))
    return SeedVGG11()


def main():
    name = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    torch.set_num_threads(threads)
    net = seed() if name == "seed" else getattr(torchvision.models, name)()
    net.eval()
    x = torch.rand(12, 1 if name == "seed" else 3, 224, 224)
    # NNSH_BENCH_WARMUP_S, as ZooForwardBench: the first `runs` passes ("cold"), passes until that many seconds have
    # gone by, then `runs` timed passes again; RESULT's last field is the cold median
    warm_up = float(os.environ.get("NNSH_BENCH_WARMUP_S", "0"))
    with torch.inference_mode():
        net(x)
        start = time.perf_counter()
        cold = timed_passes(net, x, runs)
        times = cold
        if warm_up > 0:
            while time.perf_counter() - start < warm_up:
                net(x)
            times = timed_passes(net, x, runs)
    print(f"RESULT {name} {statistics.median(times):.4f} {min(times):.4f} {max(times):.4f} "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} {statistics.median(cold):.4f}")


def timed_passes(net, x, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = net(x)
        times.append(time.perf_counter() - t0)
        assert torch.isfinite(out.sum())
    return times


if __name__ == "__main__":
    main()
