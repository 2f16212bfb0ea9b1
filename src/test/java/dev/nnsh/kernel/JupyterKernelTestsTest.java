package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** jupyter_kernel_test's KernelTests (src/test/python/nnsh_kernel_tests.py): every sample runs and passes. */
@Tag("e2e")
class JupyterKernelTestsTest {
    @Test void everyKernelTestRunsAndPasses() throws Exception {
        Jupyter.Run run = Jupyter.python("nnsh_kernel_tests.py", 300);
        Map<String, Integer> counts = run.counts();
        assertEquals(0, counts.get("failures"), run.output());
        assertEquals(0, counts.get("errors"), run.output());
        assertEquals(0, counts.get("skipped"), run.output());
        assertTrue(counts.get("ran") >= 12, "KernelTests 0.4.5 has 12 tests; ran " + counts.get("ran") + "\n" + run.output());
        assertEquals(0, run.status(), run.output());
    }
}
