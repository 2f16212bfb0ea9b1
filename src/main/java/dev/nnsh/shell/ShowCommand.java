package dev.nnsh.shell;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code /show FILE}: opens a written file (a diagram's SVG, an exported table) with the desktop's viewer
 * when there is a desktop, and otherwise says where the file is.
 */
final class ShowCommand {
    private ShowCommand() {}

    static void run(String file, PrintStream out, Map<String, String> env) {
        if (file.isEmpty()) {
            out.println("usage: /show FILE   (a file written by diagram(...).save(FILE) or stats.save(FILE))");
            return;
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            out.println("No such file: " + path + " (write it first, e.g. diagram(net, 1, 3, 224, 224).save(\"" + file + "\"))");
            return;
        }
        String opener = opener(env);
        if (opener == null) {
            out.println("Written to " + path + " (no desktop viewer here; open it in a browser)");
            return;
        }
        try {
            new ProcessBuilder(opener, path.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            out.println("Opened " + path + " with " + Path.of(opener).getFileName());
        } catch (IOException e) {
            out.println("Written to " + path + " (" + opener + " could not start: " + e.getMessage() + ")");
        }
    }

    /** The path of xdg-open on a Linux desktop (a display is set), of open on macOS; null when there is no desktop. */
    static String opener(Map<String, String> env) {
        boolean mac = System.getProperty("os.name", "").startsWith("Mac");
        if (mac) return onPath("open", env);
        boolean display = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        return display ? onPath("xdg-open", env) : null;
    }

    private static String onPath(String program, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return Path.of(dir, program).toString();
        }
        return null;
    }

    private static boolean notBlank(String s) { return s != null && !s.isBlank(); }
}
