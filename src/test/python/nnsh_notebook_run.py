"""Executes a notebook on the installed nnsh kernel with nbclient (JUPYTER_PATH points at it) and
checks that no cell failed and that its outputs, joined, equal the script's expected output.
usage: nnsh_notebook_run.py NOTEBOOK EXPECTED_OUTPUT"""
import os
import re
import sys

import nbclient
import nbformat


def text_of(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "error":
            raise SystemExit("cell failed: %s\n%s" % (cell["source"], "\n".join(out["traceback"])))
        if out["output_type"] == "stream" and out["name"] == "stderr":
            raise SystemExit("cell wrote to stderr: %s\n%s" % (cell["source"], out["text"]))
        if out["output_type"] == "stream":
            parts.append(out["text"])
        elif out["output_type"] == "execute_result":
            parts.append("Out[%d]: %s\n" % (out["execution_count"], out["data"]["text/plain"]))
    return "".join(parts)


def main(notebook, expected):
    nb = nbformat.read(notebook, as_version=4)
    # the kernel runs in the project's root, as the scripts do, so their relative paths hold
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    nbclient.NotebookClient(nb, timeout=600, kernel_name="nnsh", resources={"metadata": {"path": root}}).execute()
    got = "".join(text_of(c) for c in nb.cells if c["cell_type"] == "code")
    want = open(expected, encoding="utf-8").read()
    # a script numbers its cells by statement, a notebook by code cell: compare values, not numbers
    got, want = (re.sub(r"^Out\[\d+\]:", "Out[n]:", text, flags=re.M) for text in (got, want))
    if got != want:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                   "expected", "notebook"))
        raise SystemExit("the notebook's output differs from " + expected)
    print("NOTEBOOK OK %d code cells" % sum(1 for c in nb.cells if c["cell_type"] == "code"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
