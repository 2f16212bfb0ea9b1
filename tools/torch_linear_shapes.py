"""PyTorch's side of InnerProductShapesBench: F.linear (with bias) at batch 12 on the classifier
shapes of the seed network, vgg11 and alexnet, at the given thread count (default 2).
Prints `RESULT NxIN->OUT torch MS ms` (median). Usage: torch_linear_shapes.py [runs] [threads]."""
import statistics
import sys
import time

import torch
import torch.nn.functional as F

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
with torch.no_grad():
    for n, i, o in [(12, 25088, 4096), (12, 4096, 4096), (12, 4096, 1000), (12, 9216, 4096)]:
        x, w, b = torch.rand(n, i), torch.rand(o, i) - 0.5, torch.rand(o)
        seconds = []
        for r in range(runs + 2):
            start = time.perf_counter()
            F.linear(x, w, b)
            if r >= 2:
                seconds.append(time.perf_counter() - start)
        print(f"RESULT {n}x{i}->{o} torch {statistics.median(seconds) * 1e3:.2f} ms")
