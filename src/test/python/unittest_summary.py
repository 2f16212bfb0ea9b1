"""Runs a module's unittest cases and ends with one line the JUnit side checks:
RESULT ran=N failures=F errors=E skipped=S (a skipped sample counts against the kernel)."""
import sys
import unittest


def main(module):
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    print("RESULT ran=%d failures=%d errors=%d skipped=%d"
          % (result.testsRun, len(result.failures), len(result.errors), len(result.skipped)))
    for test, reason in result.skipped:
        print("SKIPPED %s: %s" % (test, reason))
    sys.exit(0 if result.wasSuccessful() and not result.skipped else 1)
