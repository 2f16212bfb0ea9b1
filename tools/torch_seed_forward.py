#!/usr/bin/python3
"""PyTorch's time for the seed network's forward pass, to compare with scripts/bench-forward.

usage: tools/torch_seed_forward.py [batch=12] [runs=5] [threads=2]
Same network as src/test/java/dev/nnsh/testnets/SeedVGG11.java (no activations), inference mode.
Prints each run, the median and best, peak RSS and minor page faults per run, like SeedForwardBench.
Not used by the tests.
"""
import resource
import statistics
import sys
import time

import torch
from torch import nn


class SeedVGG11(nn.Module):
    def __init__(self):
        super().__init__()
        conv = lambda i, o: nn.Conv2d(i, o, 3, 1, 1)
        self.features = nn.Sequential(
            conv(1, 64), nn.MaxPool2d(2), conv(64, 128), nn.MaxPool2d(2),
            conv(128, 256), conv(256, 256), nn.MaxPool2d(2),
            conv(256, 512), conv(512, 512), nn.MaxPool2d(2),
            conv(512, 512), conv(512, 512), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Linear(7 * 7 * 512, 4096), nn.Linear(4096, 4096), nn.Linear(4096, 1000))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def main():
    batch, runs, threads = (int(a) for a in (sys.argv[1:] + ["12", "5", "2"][len(sys.argv) - 1:])[:3])
    torch.set_num_threads(threads)
    net = SeedVGG11().eval()
    x = torch.rand(batch, 1, 224, 224)
    times = []
    with torch.inference_mode():
        net(x)
        for r in range(runs):
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            t0 = time.perf_counter()
            out = net(x)
            times.append(time.perf_counter() - t0)
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
            assert torch.isfinite(out.sum())
            print(f"run {r + 1}: {times[-1]:.3f} s, {faults} minor page faults")
    print(f"torch {torch.__version__}, {threads} threads, batch {batch}: median {statistics.median(times):.3f} s, "
          f"best {min(times):.3f} s")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
