#!/usr/bin/python3
"""Reference summary table for nnsh, computed on PyTorch.

This is an independent implementation of torchinfo's rules (checked against the tables in src/test/resources/dev/nnsh/summary/golden/), driven by
PyTorch module hooks.  It exists to produce test fixtures (src/test/resources/zoo/) for networks
whose torchinfo output we cannot obtain directly (torchinfo is not installable here).

Usage as a script:
    /usr/bin/python3 tools/reference_summary.py resnet18 --input 1,3,224,224 --depth 3 \
        [--columns output_size,num_params] [--row-settings depth,var_names] [--python-overhead]

Usage as a library:
    from reference_summary import summary_text
    print(summary_text(model, [(1, 3, 224, 224)], depth=3))

Input size line: nnsh reports the real bytes of the input tensors.  torchinfo adds Python's
56-byte object overhead per input; `python_overhead=True` reproduces that (used only to check
against the golden files).
"""

import argparse
import math
import sys

import torch
from torch import nn

COLUMN_HEADERS = {
    "input_size": "Input Shape",
    "output_size": "Output Shape",
    "num_params": "Param #",
    "params_percent": "Param %",
    "kernel_size": "Kernel Shape",
    "groups": "Groups",
    "mult_adds": "Mult-Adds",
    "trainable": "Trainable",
}
DEFAULT_COLUMNS = ("output_size", "num_params")
DEFAULT_ROW_SETTINGS = ("depth",)
PY_OBJECT_OVERHEAD = 56


class Row:
    """One row of the table: one call of a module (or an uncalled container that was inserted)."""

    def __init__(self, module, var_name, depth, parent_module):
        self.module = module
        self.type_name = type(module).__name__
        self.var_name = var_name
        self.depth = depth
        self.parent_module = parent_module
        self.is_leaf = len(list(module.children())) == 0
        self.is_recursive = False
        self.input_shape = []
        self.output_shape = []
        self.output_bytes = 0
        self.macs = 0
        self.depth_index = None
        self.num_params = 0
        self.trainable_params = 0
        self.count_params()

    def count_params(self):
        for p in self.module.parameters():
            self.num_params += p.numel()
            if p.requires_grad:
                self.trainable_params += p.numel()


def first_tensor(obj):
    """The first tensor found in obj (depth-first through lists/tuples/dicts), or None."""
    if isinstance(obj, torch.Tensor):
        return obj
    if isinstance(obj, dict):
        obj = list(obj.values())
    if isinstance(obj, (list, tuple)):
        for item in obj:
            t = first_tensor(item)
            if t is not None:
                return t
    return None


def mult_adds(row):
    """Mult-adds of one call of row.module, from its parameters and its output shape."""
    out = row.output_shape
    if not out:
        return 0
    total = 0
    for name, p in row.module.named_parameters():
        n = p.numel()
        if name in ("weight", "bias"):
            if "Conv" in row.type_name:
                total += n * out[0] * math.prod(out[2:])
            elif isinstance(row.module, nn.Linear):
                total += n * math.prod(out[:-1])
            else:
                total += n * out[0]
        elif "weight" in name or "bias" in name:
            total += n * math.prod(out[:2])
    return total


def collect_rows(model, inputs):
    """Run a forward pass with hooks; return rows in call order (before container insertion)."""
    static = {}  # id(module) -> (var_name, depth, parent module)

    def walk(module, name, depth, parent):
        if id(module) not in static:
            static[id(module)] = (name, depth, parent)
        for child_name, child in module.named_children():
            walk(child, child_name, depth + 1, module)

    walk(model, type(model).__name__, 0, None)

    rows = []
    seen = set()
    open_rows = {}  # id(module) -> stack of rows awaiting their output

    def pre_hook(module, args):
        var_name, depth, parent = static[id(module)]
        row = Row(module, var_name, depth, parent)
        t = first_tensor(args)
        if t is not None:
            row.input_shape = list(t.shape)
        row.is_recursive = id(module) in seen
        seen.add(id(module))
        rows.append(row)
        open_rows.setdefault(id(module), []).append(row)

    def post_hook(module, args, output):
        row = open_rows[id(module)].pop()
        t = first_tensor(output)
        if t is not None:
            row.output_shape = list(t.shape)
            row.output_bytes = t.numel() * t.element_size()
        row.macs = mult_adds(row)

    handles = []
    for m in model.modules():
        handles.append(m.register_forward_pre_hook(pre_hook))
        handles.append(m.register_forward_hook(post_hook))
    try:
        was_training = model.training
        model.eval()
        with torch.no_grad():
            model(*inputs)
        model.train(was_training)
    finally:
        for h in handles:
            h.remove()
    return rows, static


def insert_uncalled_containers(rows, static):
    """A container never called but whose children are called gets a row before its first child."""
    called = {id(r.module) for r in rows}
    by_id = {}
    for m_id, (name, depth, parent) in static.items():
        by_id[m_id] = (name, depth, parent)
    modules = {}

    def ancestors(row):
        chain = []
        parent = row.parent_module
        while parent is not None:
            name, depth, grand = static[id(parent)]
            if depth == 0:
                break
            chain.append((parent, name, depth, grand))
            parent = grand
        return list(reversed(chain))

    result = []
    current = {}  # depth -> module currently open at that depth
    for row in rows:
        for (mod, name, depth, grand) in ancestors(row):
            if id(mod) not in called and current.get(depth) is not mod:
                result.append(Row(mod, name, depth, grand))
            current[depth] = mod
        current[row.depth] = row.module
        for d in [d for d in current if d > row.depth]:
            del current[d]
        result.append(row)
    return result


def descendants(rows, i):
    out = []
    for r in rows[i + 1:]:
        if r.depth <= rows[i].depth:
            break
        out.append(r)
    return out


def fmt_num(n):
    return f"{n:,}"


def fmt_shape(shape):
    return str(list(shape)) if shape else "--"


def units(value, byte_units):
    """(label suffix, printed number) for a footer value."""
    names = ("TB", "GB", "MB", "kB") if byte_units else ("T", "G", "M", "k")
    for threshold, name in zip((1e12, 1e9, 1e6, 1e3), names):
        if value >= threshold:
            v = value / threshold
            break
    else:
        name, v = None, float(value)
    label = f" ({name})" if name else ""
    text = f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}"
    return label, text


def summary_text(model, input_sizes, depth=3, columns=DEFAULT_COLUMNS,
                 row_settings=DEFAULT_ROW_SETTINGS, col_width=25, python_overhead=False,
                 dtype=torch.float32):
    inputs = [torch.rand(*s, dtype=dtype) for s in input_sizes]
    rows, static = collect_rows(model, inputs)
    rows = insert_uncalled_containers(rows, static)

    counters = {}
    for r in rows:
        counters[r.depth] = counters.get(r.depth, 0) + 1
        r.depth_index = counters[r.depth]

    show_var = "var_names" in row_settings
    show_depth = "depth" in row_settings
    ascii_only = "ascii_only" in row_settings

    def name_cell(r):
        s = r.type_name
        if show_var and r.var_name:
            s += f" ({r.var_name})"
        if show_depth and r.depth > 0:
            s += f": {r.depth}-{r.depth_index}"
        return s

    def prefix(d):
        if d == 0:
            return ""
        if ascii_only:
            return "+ " if d == 1 else "|    " * (d - 1) + "+ "
        return "├─" if d == 1 else "│    " * (d - 1) + "└─"

    width = 40
    m = max(len(name_cell(r)) + 5 * r.depth + 1 for r in rows)
    if m >= width:
        width = math.ceil(m / 5) * 5

    total_params = sum(p.numel() for p in model.parameters())
    trainable_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    param_bytes = sum(p.numel() * p.element_size() for p in model.parameters())

    memo = {}

    def leftover(i):
        if i in memo:
            return memo[i]
        r = rows[i]
        shown = 0
        for j in range(i + 1, len(rows)):
            c = rows[j]
            if c.depth <= r.depth:
                break
            if c.is_recursive:
                continue
            shown += c.num_params if c.is_leaf else leftover(j)
        memo[i] = r.num_params - shown
        return memo[i]

    def count_for(i, at_limit):
        r = rows[i]
        return r.num_params if (at_limit or r.is_leaf) else leftover(i)

    def cell(i, col):
        r = rows[i]
        at_limit = r.depth == depth
        if col == "input_size":
            return fmt_shape(r.input_shape)
        if col == "output_size":
            return fmt_shape(r.output_shape)
        if col == "num_params":
            if r.num_params == 0:
                return "--"
            if r.is_recursive:
                return "(recursive)"
            if at_limit or r.is_leaf:
                s = fmt_num(r.num_params)
                return s if r.trainable_params else f"({s})"
            lo = leftover(i)
            return fmt_num(lo) if lo > 0 else "--"
        if col == "params_percent":
            zero = "     --"
            if total_params == 0:
                return zero
            if r.is_recursive:
                return "(recursive)"
            n = count_for(i, at_limit)
            if n == 0:
                return zero
            return f"{100.0 * n / total_params:6.2f}%"
        if col == "kernel_size":
            k = getattr(r.module, "kernel_size", None)
            if k is None:
                return "--"
            if isinstance(k, (tuple, list)):
                return str(list(k))
            return str(int(k))
        if col == "groups":
            g = getattr(r.module, "groups", None)
            if "Conv" in r.type_name and g:
                return str(g)
            return "--"
        if col == "mult_adds":
            if r.macs <= 0:
                return "--"
            if r.is_leaf:
                return fmt_num(r.macs)
            if at_limit:
                s = sum(c.macs for c in descendants(rows, i) if c.is_leaf)
                return fmt_num(s) if s else "--"
            return "--"
        if col == "trainable":
            if r.num_params == 0:
                return "--"
            if r.trainable_params == 0:
                return "False"
            if r.trainable_params == r.num_params:
                return "True"
            return "Partial"
        raise ValueError(f"unknown column {col}")

    def line(first, values):
        s = first.ljust(width) + " "
        for v in values:
            s += v.ljust(col_width) + " "
        return s.rstrip()

    divider = "=" * (width + len(columns) * col_width)
    header = "Layer (type"
    if show_var:
        header += " (var_name)"
    if show_depth:
        header += ":depth-idx"
    header += ")"

    out = [divider, line(header, [COLUMN_HEADERS[c] for c in columns]), divider]
    for i, r in enumerate(rows):
        if r.depth > depth:
            continue
        out.append(line(prefix(r.depth) + name_cell(r), [cell(i, c) for c in columns]))
    out.append(divider)

    leaves = [r for r in rows if r.is_leaf]
    total_macs = sum(r.macs for r in leaves)
    fwd_bwd = sum(2 * r.output_bytes for r in leaves if r.num_params > 0)
    input_bytes = sum(t.numel() * t.element_size() for t in inputs)
    if python_overhead:
        input_bytes += PY_OBJECT_OVERHEAD * len(inputs)

    out.append(f"Total params: {total_params:,}")
    out.append(f"Trainable params: {trainable_params:,}")
    out.append(f"Non-trainable params: {total_params - trainable_params:,}")
    label, text = units(total_macs, False)
    out.append(f"Total mult-adds{label}: {text}")
    out.append(divider)
    for title, value in (("Input size", input_bytes),
                         ("Forward/backward pass size", fwd_bwd),
                         ("Params size", param_bytes),
                         ("Estimated Total Size", input_bytes + fwd_bwd + param_bytes)):
        label, text = units(value, True)
        out.append(f"{title}{label}: {text}")
    out.append(divider)
    return "\n".join(out) + "\n"


def build_model(name):
    """A named network: the zoo models (torchvision, untrained) and LeNet5."""
    if name == "lenet5":
        from golden_networks import LeNet5
        return LeNet5()
    import torchvision.models as tvm
    ctor = getattr(tvm, name)
    try:
        return ctor(weights=None)
    except TypeError:
        return ctor(pretrained=False)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--input", default="1,3,224,224",
                    help="comma-separated input size; repeat with ';' for several inputs")
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--columns", default=",".join(DEFAULT_COLUMNS))
    ap.add_argument("--row-settings", default=",".join(DEFAULT_ROW_SETTINGS))
    ap.add_argument("--col-width", type=int, default=25)
    ap.add_argument("--python-overhead", action="store_true")
    ap.add_argument("-o", "--output")
    a = ap.parse_args(argv)
    sizes = [tuple(int(x) for x in part.split(",")) for part in a.input.split(";")]
    text = summary_text(build_model(a.model), sizes, depth=a.depth,
                        columns=tuple(c for c in a.columns.split(",") if c),
                        row_settings=tuple(s for s in a.row_settings.split(",") if s),
                        col_width=a.col_width, python_overhead=a.python_overhead)
    if a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
