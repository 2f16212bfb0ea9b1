"""jupyter_kernel_test's KernelTests against the installed nnsh kernel (JUPYTER_PATH points at it)."""
import sys

import jupyter_kernel_test

import unittest_summary


class NnshKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "nnsh"
    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Linea", "matches": {"Linear"}},
        {"text": "int x = 1; zer", "matches": {"zeros("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "class A {}", "void f() { }"]
    incomplete_code_samples = ["int f() {", "1 +", "List.of(", "for (int i = 0; i < 3; i++) {"]
    invalid_code_samples = ["}", "x)", "int y = 1; }"]

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": '"nn" + "sh"', "result": '"nnsh"'},
        {"code": "zeros(2, 3)", "mime": "text/html"},
    ]
    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display("**bold**", "text/markdown");', "mime": "text/markdown"},
        {"code": "display(ones(2));", "mime": "text/html"},
    ]

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_generate_error = "int boom = 1 / 0;"
    code_inspect_sample = "Math.max("
    code_page_something = "Math.max?"
    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest_summary.main(sys.modules[__name__])
