package dev.nnsh.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes and removes the {@code nnsh} kernelspec: kernel.json (whose argv runs scripts/nnsh by its
 * absolute path, so notebooks anywhere find it) and the logos Jupyter shows in its launcher.
 */
final class KernelSpecs {
    static final String NAME = "nnsh";

    private KernelSpecs() {}

    /** The kernelspec folder for --user (the default), --sys-prefix or --prefix DIR. */
    static Path directory(String where, String prefix) throws IOException {
        Path data = switch (where) {
            case "--prefix" -> Path.of(prefix).toAbsolutePath().resolve("share/jupyter");
            case "--sys-prefix" -> Path.of(pythonPrefix()).resolve("share/jupyter");
            default -> userDataDir();
        };
        return data.resolve("kernels").resolve(NAME);
    }

    private static Path userDataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "jupyter");
        return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
    }

    /** Jupyter's own idea of sys.prefix: that of the python3 on PATH. */
    private static String pythonPrefix() throws IOException {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) throw new IOException("python3 could not say its sys.prefix: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    static Path install(Path dir, String launcher, Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        JsonArray argv = new JsonArray();
        argv.add(Path.of(launcher).toAbsolutePath().normalize().toString());
        argv.add("kernel");
        argv.add("--connection-file");
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", "Java (nnsh)");
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        if (!env.isEmpty()) {
            JsonObject e = new JsonObject();
            env.forEach(e::addProperty);
            spec.add("env", e);
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        Files.writeString(dir.resolve("kernel.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");
        Files.writeString(dir.resolve("logo-svg.svg"), Logo.SVG);
        ImageIO.write(Logo.png(32), "png", dir.resolve("logo-32x32.png").toFile());
        ImageIO.write(Logo.png(64), "png", dir.resolve("logo-64x64.png").toFile());
        return dir;
    }

    /** Removes the kernelspec; false when there was none. */
    static boolean uninstall(Path dir) throws IOException {
        if (!Files.exists(dir.resolve("kernel.json"))) return false;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        return true;
    }

    /** nnsh's logo: three layers of a network, drawn (no font needed). */
    static final class Logo {
        static final String SVG = """
                <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
                  <rect width="64" height="64" rx="10" fill="#1e3a5f"/>
                  <g stroke="#9fc5e8" stroke-width="2">
                    <line x1="14" y1="20" x2="32" y2="14"/><line x1="14" y1="20" x2="32" y2="32"/>
                    <line x1="14" y1="44" x2="32" y2="32"/><line x1="14" y1="44" x2="32" y2="50"/>
                    <line x1="32" y1="14" x2="50" y2="32"/><line x1="32" y1="32" x2="50" y2="32"/>
                    <line x1="32" y1="50" x2="50" y2="32"/>
                  </g>
                  <g fill="#f6b26b">
                    <circle cx="14" cy="20" r="5"/><circle cx="14" cy="44" r="5"/>
                    <circle cx="32" cy="14" r="5"/><circle cx="32" cy="32" r="5"/><circle cx="32" cy="50" r="5"/>
                    <circle cx="50" cy="32" r="5"/>
                  </g>
                </svg>
                """;
        private static final int[][] NODES = {{14, 20}, {14, 44}, {32, 14}, {32, 32}, {32, 50}, {50, 32}};
        private static final int[][] EDGES = {{0, 2}, {0, 3}, {1, 3}, {1, 4}, {2, 5}, {3, 5}, {4, 5}};

        static BufferedImage png(int size) {
            System.setProperty("java.awt.headless", "true");
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(size / 64.0, size / 64.0);
            g.setColor(new Color(0x1e3a5f));
            g.fillRoundRect(0, 0, 64, 64, 20, 20);
            g.setColor(new Color(0x9fc5e8));
            g.setStroke(new BasicStroke(2));
            for (int[] e : EDGES) g.drawLine(NODES[e[0]][0], NODES[e[0]][1], NODES[e[1]][0], NODES[e[1]][1]);
            g.setColor(new Color(0xf6b26b));
            for (int[] n : NODES) g.fillOval(n[0] - 5, n[1] - 5, 10, 10);
            g.dispose();
            return img;
        }
    }
}
