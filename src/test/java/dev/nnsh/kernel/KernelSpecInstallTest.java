package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/nnsh kernel install/uninstall, checked with Jupyter's own `jupyter kernelspec list`. */
@Tag("e2e")
class KernelSpecInstallTest {
    @TempDir Path dir;

    private Jupyter.Run nnsh(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Jupyter.ROOT.resolve("scripts/nnsh").toString()));
        command.addAll(List.of(args));
        return Jupyter.run(command, Map.of(), 120);
    }

    private JsonObject kernelspecs() throws Exception {
        Jupyter.Run list = Jupyter.run(List.of("/usr/bin/jupyter", "kernelspec", "list", "--json"),
                Map.of("JUPYTER_PATH", dir.resolve("share/jupyter").toString()), 60);
        assertEquals(0, list.status(), list.output());
        String out = list.output(); // stderr came along: python may warn about frozen modules first
        return JsonParser.parseString(out.substring(out.indexOf("{\n"))).getAsJsonObject().getAsJsonObject("kernelspecs");
    }

    @Test void installWritesAKernelspecJupyterFindsAndUninstallRemovesIt() throws Exception {
        Jupyter.Run install = nnsh("kernel", "install", "--prefix", dir.toString());
        assertEquals(0, install.status(), install.output());
        Path spec = dir.resolve("share/jupyter/kernels/nnsh");
        assertTrue(Files.exists(spec.resolve("logo-64x64.png")));
        assertTrue(Files.exists(spec.resolve("logo-svg.svg")));

        JsonObject nnsh = kernelspecs().getAsJsonObject("nnsh");
        assertNotNull(nnsh, "jupyter kernelspec list does not show nnsh");
        JsonObject s = nnsh.getAsJsonObject("spec");
        assertEquals("Java (nnsh)", s.get("display_name").getAsString());
        assertEquals("java", s.get("language").getAsString());
        assertEquals("message", s.get("interrupt_mode").getAsString());
        assertEquals(Jupyter.ROOT.resolve("scripts/nnsh").toString(), s.getAsJsonArray("argv").get(0).getAsString());
        assertEquals("[\"kernel\",\"--connection-file\",\"{connection_file}\"]",
                s.getAsJsonArray("argv").asList().subList(1, 4).toString().replace(", ", ","));

        Jupyter.Run uninstall = nnsh("kernel", "uninstall", "--prefix", dir.toString());
        assertEquals(0, uninstall.status(), uninstall.output());
        assertFalse(Files.exists(spec));
        assertFalse(kernelspecs().has("nnsh"));
    }

    @Test void aBadOptionIsNamed() throws Exception {
        Jupyter.Run r = nnsh("kernel", "install", "--everywhere");
        assertEquals(2, r.status());
        assertTrue(r.output().contains("unknown option --everywhere"), r.output());
    }
}
