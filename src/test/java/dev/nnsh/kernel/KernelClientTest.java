package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * jupyter_client's BlockingKernelClient against the kernel (src/test/python/nnsh_client_tests.py):
 * interrupt of an endless loop, System.exit then a working cell, a native crash (SIGSEGV) then a working cell, a stuck cell ended after the grace
 * period, an OutOfMemoryError, restart, a badly signed request that is not run, input through stdin (also after an engine restart), streaming while a
 * cell runs, rich display, inspect with the Javadoc summary of nnsh's API, user-frame tracebacks, magics.
 */
@Tag("e2e")
class KernelClientTest {
    @Test void jupyterClientScenariosPass() throws Exception {
        Jupyter.Run run = Jupyter.python("nnsh_client_tests.py", 600);
        Map<String, Integer> counts = run.counts();
        assertEquals(15, counts.get("ran"), run.output());
        assertEquals(0, counts.get("failures"), run.output());
        assertEquals(0, counts.get("errors"), run.output());
        assertEquals(0, counts.get("skipped"), run.output());
        assertEquals(0, run.status(), run.output());
    }
}
