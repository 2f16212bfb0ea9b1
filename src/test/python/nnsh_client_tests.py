"""The nnsh kernel through jupyter_client's BlockingKernelClient: interrupt, survival, restart,
signatures, stdin, streaming and rich display (JUPYTER_PATH points at the installed kernelspec)."""
import glob
import os
import queue
import sys
import time
import unittest

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

import unittest_summary

TIMEOUT = 40


def start():
    env = dict(os.environ)
    env["NNSH_INTERRUPT_GRACE_MS"] = "2000"
    return start_new_kernel(kernel_name="nnsh", startup_timeout=TIMEOUT, env=env)


class Cell:
    """What one execute_request brought: its reply and its iopub messages (status excluded)."""

    def __init__(self, reply, outputs):
        self.reply = reply
        self.outputs = outputs

    def stdout(self):
        return "".join(m["content"]["text"] for m in self.outputs
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")

    def of_type(self, msg_type):
        return [m["content"] for m in self.outputs if m["msg_type"] == msg_type]


def run(kc, code, timeout=TIMEOUT, **kw):
    msg_id = kc.execute(code, **kw)
    return collect(kc, msg_id, timeout)


def collect(kc, msg_id, timeout=TIMEOUT):
    outputs = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status":
            if m["content"]["execution_state"] == "idle":
                break
            continue
        outputs.append(m)
    return Cell(shell_reply(kc, msg_id, timeout), outputs)


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    while True:
        r = kc.get_shell_msg(timeout=timeout)
        if r["parent_header"].get("msg_id") == msg_id:
            return r["content"]


def wait_busy(kc, msg_id):
    while True:
        m = kc.get_iopub_msg(timeout=TIMEOUT)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_input":
            return


class NnshClientTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def setUp(self):
        self.kc = type(self).kc

    def test_interrupt_stops_an_endless_loop(self):
        msg_id = self.kc.execute("while (true) {}")
        wait_busy(self.kc, msg_id)
        time.sleep(1)  # let the loop start running, not merely compiling
        self.km.interrupt_kernel()
        cell = collect(self.kc, msg_id)
        self.assertEqual("error", cell.reply["status"])
        self.assertEqual("Interrupted", cell.reply["ename"])
        self.assertEqual("2", run(self.kc, "1 + 1").of_type("execute_result")[0]["data"]["text/plain"])

    def test_system_exit_restarts_the_engine_and_keeps_earlier_cells(self):
        self.assertEqual("ok", run(self.kc, "int kept = 41;").reply["status"])
        died = run(self.kc, "System.exit(1);")
        self.assertEqual("error", died.reply["status"])
        self.assertEqual("EngineDied", died.reply["ename"])
        self.assertIn("replayed", "\n".join(died.reply["traceback"]))
        after = run(self.kc, "kept + 1")
        self.assertEqual("ok", after.reply["status"], after.reply)
        self.assertEqual("42", after.of_type("execute_result")[0]["data"]["text/plain"])

    def test_a_native_crash_restarts_the_engine_and_keeps_earlier_cells(self):
        self.assertEqual("ok", run(self.kc, "int beforeCrash = 6;").reply["status"])
        crashed = run(self.kc, "{ var theUnsafe = sun.misc.Unsafe.class.getDeclaredField(\"theUnsafe\");"
                               " theUnsafe.setAccessible(true);"
                               " ((sun.misc.Unsafe) theUnsafe.get(null)).putAddress(0, 0); }")
        self.assertEqual("EngineDied", crashed.reply["ename"], crashed.reply)
        self.assertIn("replayed", "\n".join(crashed.reply["traceback"]))
        after = run(self.kc, "beforeCrash * 7")
        self.assertEqual("ok", after.reply["status"], after.reply)
        self.assertEqual("42", after.of_type("execute_result")[0]["data"]["text/plain"])
        # the JVM's crash report went to the temp directory, not into the checkout
        repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
        left = glob.glob(os.path.join(repo, "hs_err_pid*.log")) + glob.glob(os.path.join(os.getcwd(), "hs_err_pid*.log"))
        self.assertEqual([], left)

    def test_inspect_shows_the_javadoc_summary_of_nnshs_api(self):
        code = "Tensor.zeros(2, 3).select"
        reply = shell_reply(self.kc, self.kc.inspect(code, len(code)))
        self.assertTrue(reply["found"], reply)
        self.assertIn("Tensor Tensor.select(int dim, long index)\n    x[:, i] for dim 1: removes the dim.",
                      reply["data"]["text/plain"])

    def test_a_call_that_ignores_the_interrupt_ends_its_engine_after_the_grace_period(self):
        self.assertEqual("ok", run(self.kc, "int survivor = 7;").reply["status"])
        msg_id = self.kc.execute("while (true) { try { while (true) {} } catch (Throwable ignored) {} }")
        wait_busy(self.kc, msg_id)
        time.sleep(1)
        self.km.interrupt_kernel()
        cell = collect(self.kc, msg_id)
        self.assertEqual("EngineDied", cell.reply["ename"], cell.reply)
        after = run(self.kc, "survivor * 6")
        self.assertEqual("42", after.of_type("execute_result")[0]["data"]["text/plain"])

    def test_out_of_memory_is_an_error_and_the_session_lives_on(self):
        self.assertEqual("ok", run(self.kc, "int beforeOom = 3;").reply["status"])
        cell = run(self.kc, "long[] huge = new long[Integer.MAX_VALUE - 8];")
        self.assertEqual("java.lang.OutOfMemoryError", cell.reply["ename"], cell.reply)
        after = run(self.kc, "beforeOom * 14")
        self.assertEqual("42", after.of_type("execute_result")[0]["data"]["text/plain"])

    def test_a_badly_signed_request_is_not_run(self):
        forged = Session(key=b"not-the-kernel-key", username="mallory")
        sent = forged.send(self.kc.shell_channel.socket, "execute_request",
                           {"code": "int forged = 1; System.out.println(\"FORGED RAN\");", "silent": False,
                            "store_history": True, "user_expressions": {}, "allow_stdin": False,
                            "stop_on_error": True})
        deadline = time.time() + 3
        while time.time() < deadline:  # replies to earlier requests (kernel_info at start) may be queued
            try:
                reply = self.kc.get_shell_msg(timeout=0.5)
            except queue.Empty:
                continue
            self.assertNotEqual(sent["header"]["msg_id"], reply["parent_header"].get("msg_id"), reply)
        check = run(self.kc, "forged")
        self.assertEqual("error", check.reply["status"])
        self.assertEqual("CompileError", check.reply["ename"])
        self.assertIn("cannot find symbol", "\n".join(check.reply["traceback"]))

    def ask(self, answer):
        msg_id = self.kc.execute(
            'System.out.print("Your answer: ");'
            ' String answer = new java.util.Scanner(System.in).nextLine();'
            ' System.out.println("you said " + answer);', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual("input_request", request["msg_type"])
        self.kc.input(answer)
        cell = collect(self.kc, msg_id)
        self.assertEqual("ok", cell.reply["status"], cell.reply)
        self.assertEqual("Your answer: you said %s\n" % answer, cell.stdout())

    def test_input_through_stdin(self):
        for answer in ("forty-two", "forty-three", "forty-four"):
            self.ask(answer)

    def test_input_through_stdin_after_an_engine_restart(self):
        self.ask("before")  # replayed after the restart: the replay gets no input and asks nobody
        died = run(self.kc, "System.exit(1);")
        self.assertEqual("EngineDied", died.reply["ename"])
        self.ask("after")

    def test_output_streams_while_the_cell_runs(self):
        msg_id = self.kc.execute(
            'for (int i = 0; i < 3; i++) { System.out.println("tick " + i); Thread.sleep(400); }')
        first = None
        while first is None:
            m = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream":
                first = m
        # the cell still runs: its reply cannot have come yet
        with self.assertRaises(queue.Empty):
            self.kc.get_shell_msg(timeout=0)
        self.assertEqual("tick 0\n", first["content"]["text"])
        rest = collect(self.kc, msg_id)
        self.assertEqual("tick 1\ntick 2\n", rest.stdout())

    def test_rich_display_by_convention(self):
        run(self.kc, 'class Fancy { public String toHtml() { return "<i>fancy</i>"; }'
                     ' public String toSvg() { return "<svg/>"; }'
                     ' public String toString() { return "plain fancy"; } }')
        data = run(self.kc, "new Fancy()").of_type("execute_result")[0]["data"]
        self.assertEqual({"text/plain": "plain fancy", "text/html": "<i>fancy</i>", "image/svg+xml": "<svg/>"}, data)
        shown = run(self.kc, 'display(new Fancy(), "image/svg+xml");').of_type("display_data")[0]["data"]
        self.assertEqual({"text/plain": "plain fancy", "image/svg+xml": "<svg/>"}, shown)

    def test_tensor_html_names_shape_and_dtype(self):
        html = run(self.kc, "arange(6).reshape(2, 3)").of_type("execute_result")[0]["data"]["text/html"]
        self.assertIn("shape [2, 3]", html)
        self.assertIn("dtype int64", html)
        self.assertIn("<td>5</td>", html)

    def test_errors_carry_the_user_frames(self):
        run(self.kc, "int half(int x) { return 10 / x; }")
        cell = run(self.kc, "half(0)")
        self.assertEqual("java.lang.ArithmeticException", cell.reply["ename"])
        self.assertEqual("/ by zero", cell.reply["evalue"])
        tb = cell.reply["traceback"]
        self.assertEqual("java.lang.ArithmeticException: / by zero", tb[0])
        self.assertTrue(any(line.strip().startswith("at half (In [") for line in tb), tb)

    def test_magics(self):
        run(self.kc, "int magicVar = 5;")
        self.assertIn("int magicVar = 5", run(self.kc, "%vars").stdout())
        self.assertIn("Wall time: ", run(self.kc, "%time 1 + 2").stdout())
        self.assertIn("replayed", run(self.kc, "%restart").stdout())
        self.assertEqual("5", run(self.kc, "magicVar").of_type("execute_result")[0]["data"]["text/plain"])
        unknown = run(self.kc, "%nope")
        self.assertEqual("UnknownMagic", unknown.reply["ename"])

    def test_zz_restart_gives_a_fresh_kernel(self):
        run(self.kc, "int beforeRestart = 1;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        self.assertEqual("2", run(self.kc, "1 + 1").of_type("execute_result")[0]["data"]["text/plain"])
        self.assertEqual("CompileError", run(self.kc, "beforeRestart").reply["ename"])


if __name__ == "__main__":
    unittest_summary.main(sys.modules[__name__])
