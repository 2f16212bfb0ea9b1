"""PyTorch's counterpart of GemmCeilingBench: a float32 n x n matrix product at the given thread count.
Prints `RESULT gemm n median_s gflops`. Usage: torch_gemm_ceiling.py [n] [runs] [threads]."""
import statistics
import sys
import time

import torch

n = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 2)
a, b = torch.rand(n, n), torch.rand(n, n)
c = torch.empty(n, n)
for _ in range(2):
    torch.mm(a, b, out=c)
seconds = []
for _ in range(runs):
    start = time.perf_counter()
    torch.mm(a, b, out=c)
    seconds.append(time.perf_counter() - start)
median = statistics.median(seconds)
print(f"RESULT gemm {n} {median:.4f} {2.0 * n ** 3 / median / 1e9:.1f}")
