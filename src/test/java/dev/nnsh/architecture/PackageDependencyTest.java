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
 * Nnsh → shell, io on tensor only (below nn), and models on nn and tensor only. Each package lists
 * the nnsh packages it must not use, and its sub-packages (models.vision, ops.*) obey the same rule;
 * a reference to one of them fails with the class that made it.
 */
class PackageDependencyTest {
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "dev/nnsh/tensor", List.of("dev/nnsh/io/", "dev/nnsh/ops/", "dev/nnsh/nn/", "dev/nnsh/summary/", "dev/nnsh/models/",
                    "dev/nnsh/shell/", "dev/nnsh/Nnsh"),
            "dev/nnsh/io", List.of("dev/nnsh/ops/", "dev/nnsh/nn/", "dev/nnsh/summary/", "dev/nnsh/models/", "dev/nnsh/shell/",
                    "dev/nnsh/Nnsh"),
            "dev/nnsh/ops", List.of("dev/nnsh/io/", "dev/nnsh/nn/", "dev/nnsh/summary/", "dev/nnsh/models/", "dev/nnsh/shell/",
                    "dev/nnsh/Nnsh"),
            "dev/nnsh/nn", List.of("dev/nnsh/summary/", "dev/nnsh/models/", "dev/nnsh/shell/", "dev/nnsh/Nnsh"),
            "dev/nnsh/summary", List.of("dev/nnsh/models/", "dev/nnsh/shell/", "dev/nnsh/Nnsh"),
            "dev/nnsh/models", List.of("dev/nnsh/io/", "dev/nnsh/ops/", "dev/nnsh/summary/", "dev/nnsh/shell/", "dev/nnsh/Nnsh"));

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

    @Test void ioUsesOnlyTensor() throws Exception {
        assertTrue(ClassReferences.classFiles(mainClasses().resolve("dev/nnsh/io")).size() >= 10, "too few io classes scanned");
        List<String> problems = violations("dev/nnsh/io");
        assertTrue(problems.isEmpty(), "dev.nnsh.io must import only dev.nnsh.tensor:\n" + String.join("\n", problems));
    }

    @Test void aSubPackageIsHeldToItsParentsRule() throws Exception {
        // models.vision is scanned under models' rule: a reference to ops from there is reported
        assertTrue(ClassReferences.classFiles(mainClasses().resolve("dev/nnsh/models")).stream()
                .anyMatch(f -> f.getParent().endsWith("vision")), "the scan does not reach dev.nnsh.models.vision");
        assertEquals("dev/nnsh/models", ruleFor("dev/nnsh/models/vision"));
        assertEquals("dev/nnsh/ops", ruleFor("dev/nnsh/ops/kernels"));
        assertEquals(List.of("Fake.class (dev/nnsh/models/vision) uses dev/nnsh/ops/ConvOps"),
                check(Path.of("Fake.class"), "dev/nnsh/models/vision", java.util.Set.of("dev/nnsh/ops/ConvOps", "dev/nnsh/nn/Conv2d")));
    }

    /** Every class file under {@code pkg}, sub-packages included, checked against the rule of its nearest ruled package. */
    private static List<String> violations(String pkg) throws IOException, URISyntaxException {
        List<String> problems = new ArrayList<>();
        Path root = mainClasses();
        for (Path file : ClassReferences.classFiles(root.resolve(pkg))) {
            String own = root.relativize(file.getParent()).toString().replace('\\', '/');
            if (!ruleFor(own).equals(pkg)) continue; // a sub-package with a rule of its own is checked under that rule
            problems.addAll(check(root.relativize(file), own, ClassReferences.of(file)));
        }
        return problems;
    }

    /** The ruled package a package falls under: itself or its nearest ancestor in FORBIDDEN. */
    private static String ruleFor(String pkg) {
        for (String p = pkg; p.contains("/"); p = p.substring(0, p.lastIndexOf('/'))) {
            if (FORBIDDEN.containsKey(p)) return p;
        }
        throw new AssertionError("no dependency rule covers " + pkg);
    }

    private static List<String> check(Path file, String pkg, java.util.Set<String> references) {
        List<String> problems = new ArrayList<>();
        for (String ref : new java.util.TreeSet<>(references)) {
            for (String bad : FORBIDDEN.get(ruleFor(pkg))) {
                if (ref.startsWith(bad)) problems.add(file + " (" + pkg + ") uses " + ref);
            }
        }
        return problems;
    }
}
