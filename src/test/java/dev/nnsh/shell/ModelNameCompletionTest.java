package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Completion inside Models.get("…") offers the zoo's torchvision names. */
class ModelNameCompletionTest {
    @Test void namesCompleteInsideModelsGet() {
        assertEquals(List.of("efficientnet_v2_s", "efficientnet_v2_m", "efficientnet_v2_l"),
                ModelNameCompletion.candidates("var net = Models.get(\"efficientnet_v"));
        assertTrue(ModelNameCompletion.candidates("Models.get(\"").contains("maxvit_t"));
        assertEquals(List.of(), ModelNameCompletion.candidates("Models.get(\"nosuch"));
    }

    @Test void elsewhereJShellCompletes() {
        assertNull(ModelNameCompletion.candidates("Models.get(\"resnet50\")"));
        assertNull(ModelNameCompletion.candidates("String s = \"effic"));
    }
}
