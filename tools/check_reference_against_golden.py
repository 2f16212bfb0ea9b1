#!/usr/bin/python3
"""Checks tools/reference_summary.py against the torchinfo outputs in src/test/resources/dev/nnsh/summary/golden/ (or NNSH_GOLDEN_DIR).

Each golden file must be reproduced byte for byte when torchinfo's 56-byte Python overhead is
added to the input size.  With nnsh's real input bytes (the default), only the lines
"Input size" and "Estimated Total Size" may differ, and only by those 56 bytes.
Exit status 0 when every file passes.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from golden_networks import GOLDEN_CASES  # noqa: E402
from reference_summary import summary_text  # noqa: E402

GOLDEN_DIR = os.environ.get("NNSH_GOLDEN_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "src", "test", "resources", "dev", "nnsh", "summary", "golden"))
OVERHEAD_LINES = ("Input size", "Estimated Total Size")


def main():
    failures = 0
    for fname, (factory, sizes, kwargs) in GOLDEN_CASES.items():
        with open(os.path.join(GOLDEN_DIR, fname), encoding="utf-8") as f:
            golden = f.read()
        model = factory()
        with_overhead = summary_text(model, sizes, python_overhead=True, **kwargs)
        real = summary_text(model, sizes, **kwargs)
        ok = with_overhead == golden
        diff_lines = [(g, r) for g, r in zip(golden.splitlines(), real.splitlines()) if g != r]
        real_ok = (len(golden.splitlines()) == len(real.splitlines())
                   and all(g.startswith(OVERHEAD_LINES) for g, _ in diff_lines))
        status = "OK" if ok and real_ok else "FAIL"
        print(f"{status} {fname}: byte-identical with 56-byte overhead: {ok}; "
              f"real-bytes lines differing: {len(diff_lines)}")
        for g, r in diff_lines:
            print(f"    golden: {g}\n    nnsh:   {r}")
        if not ok:
            failures += 1
            for i, (g, r) in enumerate(zip(golden.splitlines(), with_overhead.splitlines())):
                if g != r:
                    print(f"    line {i + 1}\n      expected: {g!r}\n      actual:   {r!r}")
        elif not real_ok:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
