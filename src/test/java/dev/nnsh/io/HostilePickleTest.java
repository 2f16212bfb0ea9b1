package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is untrusted: pickles naming anything outside the state-dict allow-list are refused with
 * the class named, before anything is built. The fixtures, unpickled by Python, would create the marker
 * file (os.system("touch ...") / builtins.eval(...)); the test checks it is not there afterwards.
 */
class HostilePickleTest {
    static final Path MARKER = Path.of("/tmp/nnsh-hostile-pickle-marker");
    @TempDir Path tmp;

    @BeforeEach void noMarker() throws Exception { Files.deleteIfExists(MARKER); }

    @Test void osSystemIsRefusedAndNotRun() {
        var e = assertThrows(WeightsException.class, () -> Weights.load(Fixtures.file("hostile_os_system.pth")));
        assertTrue(e.getMessage().contains("refused to load the class os.system"), e.getMessage());
        assertTrue(e.getMessage().contains("hostile_os_system.pth"), e.getMessage());
        assertFalse(Files.exists(MARKER), "nothing may be executed");
    }

    @Test void builtinsEvalIsRefusedAndNotRun() {
        var e = assertThrows(WeightsException.class, () -> Weights.load(Fixtures.file("hostile_eval.pth")));
        assertTrue(e.getMessage().contains("refused to load the class builtins.eval"), e.getMessage());
        assertFalse(Files.exists(MARKER), "nothing may be executed");
    }

    @Test void stackGlobalOfProtocol4IsCheckedToo() throws Exception {
        Path file = CraftedFiles.torchZip(tmp.resolve("p4.pth"),
                CraftedFiles.stackGlobalCall("subprocess", "Popen", "touch " + MARKER));
        var e = assertThrows(WeightsException.class, () -> Weights.load(file));
        assertTrue(e.getMessage().contains("refused to load the class subprocess.Popen"), e.getMessage());
        assertFalse(Files.exists(MARKER));
    }

    @Test void classesTheLibraryKnowsAreRefusedAsWell() throws Exception {
        // Razorvine maps these to Java constructors of its own; nnsh's allow-list does not let them through
        for (String[] name : new String[][]{{"copy_reg", "_reconstructor"}, {"builtins", "bytearray"}, {"datetime", "datetime"}}) {
            Path file = CraftedFiles.torchZip(tmp.resolve(name[1] + ".pth"), CraftedFiles.stackGlobalCall(name[0], name[1], "x"));
            var e = assertThrows(WeightsException.class, () -> Weights.load(file));
            assertTrue(e.getMessage().contains("refused to load the class " + name[0] + "." + name[1]), e.getMessage());
        }
    }

    @Test void instOpcodeNamesItsClassAndIsRefused() throws Exception {
        byte[] inst = "(S'touch x'\nios\nsystem\n.".getBytes(StandardCharsets.US_ASCII);
        Path file = CraftedFiles.torchZip(tmp.resolve("inst.pth"), inst);
        var e = assertThrows(WeightsException.class, () -> Weights.load(file));
        assertTrue(e.getMessage().contains("os.system"), e.getMessage());
    }
}
