package dev.nnsh.architecture;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.nnsh.nn.F;
import org.junit.jupiter.api.Test;

/**
 * The layering of the main code, read from the compiled classes: tensor → ops → nn → summary →
 * Nnsh → shell, and models on nn and tensor only. Each package lists the nnsh packages it must not
 * use; a reference to one of them fails with the class that made it.
 */
class PackageDependencyTest {
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "dev/nnsh/tensor", List.of("dev/nnsh/ops/", "dev/nnsh/nn/", "dev/nnsh/summary/", "dev/nnsh/models/",
                    "dev/nnsh/shell/", "dev/nnsh/Nnsh"),
            "dev/nnsh/ops", List.of("dev/nnsh/nn/", "dev/nnsh/summary/", "dev/nnsh/models/", "dev/nnsh/shell/",
                    "dev/nnsh/Nnsh"),
            "dev/nnsh/nn", List.of("dev/nnsh/summary/", "dev/nnsh/models/", "dev/nnsh/shell/", "dev/nnsh/Nnsh"),
            "dev/nnsh/summary", List.of("dev/nnsh/models/", "dev/nnsh/shell/", "dev/nnsh/Nnsh"),
            "dev/nnsh/models", List.of("dev/nnsh/ops/", "dev/nnsh/summary/", "dev/nnsh/shell/", "dev/nnsh/Nnsh"));

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(F.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test void theKernelPackageUsesOnlyTensor() throws Exception {
        List<String> problems = violations("dev/nnsh/ops");
        assertTrue(problems.isEmpty(), "dev.nnsh.ops must import only dev.nnsh.tensor:\n" + String.join("\n", problems));
    }

    @Test void everyPackageUsesOnlyThoseBelowIt() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String pkg : FORBIDDEN.keySet()) problems.addAll(violations(pkg));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test void theScanSeesReferencesInTheClassFiles() throws Exception {
        // F is a façade over ops: if the scan could not see that, the tests above would pass vacuously
        var references = ClassReferences.of(mainClasses().resolve("dev/nnsh/nn/F.class"));
        assertTrue(references.contains("dev/nnsh/ops/ConvOps"), references.toString());
        assertTrue(references.contains("dev/nnsh/tensor/Tensor"), references.toString());
        assertTrue(Files.isDirectory(mainClasses().resolve("dev/nnsh/ops")));
        assertTrue(ClassReferences.classFiles(mainClasses().resolve("dev/nnsh/ops")).size() >= 10);
    }

    private static List<String> violations(String pkg) throws IOException, URISyntaxException {
        List<String> problems = new ArrayList<>();
        Path dir = mainClasses().resolve(pkg);
        for (Path file : ClassReferences.classFiles(dir)) {
            if (!file.getParent().equals(dir)) continue; // a sub-package has its own rule
            for (String ref : ClassReferences.of(file)) {
                for (String bad : FORBIDDEN.get(pkg)) {
                    if (ref.startsWith(bad)) problems.add(dir.relativize(file) + " (" + pkg + ") uses " + ref);
                }
            }
        }
        return problems;
    }
}
