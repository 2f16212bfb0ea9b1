package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The background warm-up's throwaway cells all compile: each kind a user types reaches javac's full path. */
class JavacWarmUpTest {
    @Test
    void everyThrowawayCellCompiles() {
        assertEquals(10, JavacWarmUp.run(10)); // two of each kind: expression, declaration, statement, method, class
    }
}
