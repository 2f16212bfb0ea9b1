"""Measures `1 + 1` round trips through jupyter_client against the nnsh kernel (see bench-kernel)."""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def round_trip(kc):
    start = time.perf_counter()
    msg_id = kc.execute("1 + 1")
    idle = replied = False
    while not (idle and replied):
        if not idle:
            m = kc.get_iopub_msg(timeout=30)
            idle = (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle")
        else:
            r = kc.get_shell_msg(timeout=30)
            replied = r["parent_header"].get("msg_id") == msg_id
    return time.perf_counter() - start


def main(cells):
    km, kc = start_new_kernel(kernel_name="nnsh", startup_timeout=120)
    try:
        for _ in range(30):
            round_trip(kc)
        times = sorted(round_trip(kc) for _ in range(cells))
        ms = [t * 1000 for t in times]
        print("1 + 1 round trip over %d cells: median %.1f ms, p10 %.1f ms, p90 %.1f ms"
              % (cells, statistics.median(ms), ms[len(ms) // 10], ms[len(ms) * 9 // 10]))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
