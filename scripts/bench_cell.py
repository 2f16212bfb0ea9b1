"""Drives scripts/nnsh in a real terminal (tmux) and times what a person waits for (see scripts/bench-cell).

The shell's output reaches this script through `tmux pipe-pane` into a FIFO, read with select(): no
polling of capture-pane, whose client processes would compete with the shell for the CPU. Each time
runs from just before the key is sent until the expected text arrives from the pane.

usage: bench_cell.py LABEL CELLS PASTE_LINES  (environment: NNSH_BENCH_CMD, the shell's command line)
prints: TYPED <label> <median ms> <min> <max> (right after the prompt) | SETTLED <label> <median ms> <min> <max>
        (the same cells after SETTLE_SECONDS idle) | TRACE / TRACE-SETTLED <label> <segment=median ms ...>
        TAB <label> member <ms> names <ms> | PASTE <label> <ms> <lines>
"""
import os
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time

ANSI = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|[()][A-Za-z0-9]|[=>])")


class Pane:
    def __init__(self, command, work):
        self.socket = "nnsh-bench-cell-%d" % os.getpid()
        self.fifo = os.path.join(work, "pane")
        os.mkfifo(self.fifo)
        self.tmux("new-session", "-d", "-s", "c", "-x", "150", "-y", "50", command)
        self.await_screen("In [1]:", 60)
        self.fd = os.open(self.fifo, os.O_RDONLY | os.O_NONBLOCK)
        self.tmux("pipe-pane", "-t", "c", "-o", "cat > '%s'" % self.fifo)
        self.seen = ""

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.socket] + list(args), check=True,
                              capture_output=True, text=True).stdout

    def await_screen(self, text, seconds):
        end = time.time() + seconds
        while text not in self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "c"):
            if time.time() > end:
                raise SystemExit("bench_cell: no %r on the screen after %d s" % (text, seconds))
            time.sleep(0.05)

    def keys(self, *keys, literal=False):
        self.tmux("send-keys", "-t", "c", *(["-l"] if literal else []), *keys)

    def await_output(self, text, seconds=60):
        """Reads the pane's output until `text` (escape sequences removed) has arrived; returns the moment."""
        end = time.time() + seconds
        while True:
            plain = ANSI.sub("", self.seen)
            if text in plain:
                self.seen = plain[plain.index(text) + len(text):]
                return time.perf_counter()
            left = end - time.time()
            if left <= 0:
                raise SystemExit("bench_cell: no %r in the output after %d s" % (text, seconds))
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                if chunk:
                    self.seen += chunk.decode("utf-8", "replace")
                else:
                    time.sleep(0.001)  # no writer yet

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        os.close(self.fd)


SETTLE_SECONDS = 5


def tab(pane, label, cell):
    """Tab on a member and on a class name, until the candidates are on screen; prints the medians."""
    def once(typed, shown):
        pane.keys(typed, literal=True)
        pane.await_output(typed)
        start = time.perf_counter()
        pane.keys("Tab")
        elapsed = (pane.await_output(shown) - start) * 1000
        pane.keys("C-c")
        pane.await_output("In [%d]:" % cell)
        return elapsed

    member, names = [], []
    for _ in range(5):
        member.append(once("Tensor.ze", "zerosLike"))
        names.append(once("Conv", "ConvTranspose2d"))
    print("TAB %s member %.1f names %.1f" % (label, statistics.median(member), statistics.median(names)))


def main(label, cells, paste_lines):
    command = os.environ["NNSH_BENCH_CMD"]
    trace = os.environ.get("NNSH_BENCH_TRACE")
    with tempfile.TemporaryDirectory() as work:
        pane = Pane(command, work)
        try:
            cell = 1
            for i in range(3):  # warm-up: the engine is up and javac has run
                pane.keys("0 + %d" % i, literal=True)
                pane.keys("Enter")
                cell += 1
                pane.await_output("In [%d]:" % cell)
            def typed(first):
                nonlocal cell
                times, outs = [], []
                for i in range(first, first + cells):
                    text = "1 + %d" % i
                    pane.keys(text, literal=True)
                    pane.await_output(text)
                    start = time.perf_counter()
                    pane.keys("Enter")
                    out = pane.await_output("Out[%d]:" % cell)
                    cell += 1
                    prompt = pane.await_output("In [%d]:" % cell)
                    times.append((prompt - start) * 1000)
                    outs.append((out - start) * 1000)
                return times, outs

            def segments(lines):
                found = {}
                for line in lines:
                    for name, value in re.findall(r"(\S+>\S+|thread-cpu)=([0-9.]+)", line):
                        found.setdefault(name, []).append(float(value))
                return " ".join("%s=%.1f" % (k, statistics.median(v)) for k, v in found.items())

            # right after the prompt: the engine JVM is still loading ND4J on its own thread (the other core)
            times, outs = typed(0)
            print("TYPED %s %.1f %.1f %.1f (Enter to Out[n] %.1f)" % (label, statistics.median(times), min(times), max(times), statistics.median(outs)))
            # and once the shell has been idle a while, as when a person reads the output before typing on
            time.sleep(SETTLE_SECONDS)
            settled, settled_outs = typed(cells)
            print("SETTLED %s %.1f %.1f %.1f (Enter to Out[n] %.1f)" % (label, statistics.median(settled), min(settled), max(settled), statistics.median(settled_outs)))
            if trace and os.path.exists(trace):
                lines = open(trace).read().splitlines()
                print("TRACE %s %s" % (label, segments(lines[-2 * cells:-cells])))
                print("TRACE-SETTLED %s %s" % (label, segments(lines[-cells:])))
            tab(pane, label, cell)
            if paste_lines > 0:
                path = os.path.join(work, "paste.jsh")
                with open(path, "w") as f:
                    for i in range(1, paste_lines + 1):
                        f.write("int p%d = %d;\n" % (i, i))
                    f.write('System.out.println("PASTE" + "-DONE " + p%d);' % paste_lines)
                pane.tmux("load-buffer", "-b", "paste", path)
                start = time.perf_counter()
                pane.tmux("paste-buffer", "-p", "-d", "-b", "paste", "-t", "c")
                pane.keys("Enter")
                done = pane.await_output("PASTE-DONE %d" % paste_lines, 900)
                pane.await_output("In [%d]:" % (cell + 1), 60)
                print("PASTE %s %.0f %d" % (label, (done - start) * 1000, paste_lines))
                tab(pane, "%s-after-%d-snippets" % (label, paste_lines), cell + 1)
        finally:
            pane.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
