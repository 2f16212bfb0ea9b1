package dev.nnsh.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code scripts/nnsh notebook FILE.jsh [-o OUT.ipynb]}: writes the script as a notebook. */
public final class NotebookMain {
    private NotebookMain() {}

    public static void main(String[] args) throws IOException {
        Path in = null, out = null;
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-o") || args[i].equals("--output")) && i + 1 < args.length) out = Path.of(args[++i]);
            else if (args[i].startsWith("-")) usage("unknown option " + args[i]);
            else if (in == null) in = Path.of(args[i]);
            else usage("one script at a time (got " + in + " and " + args[i] + ")");
        }
        if (in == null) usage("which script?");
        if (out == null) out = Path.of(in.toString().replaceFirst("\\.jsh$", "") + ".ipynb");
        String script;
        try {
            script = Files.readString(in);
        } catch (NoSuchFileException e) {
            System.err.println("nnsh notebook: no such file: " + in);
            System.exit(2);
            return;
        }
        Files.writeString(out, JshNotebook.of(script));
        System.out.println("Wrote " + out);
    }

    private static void usage(String problem) {
        System.err.println("nnsh notebook: " + problem + "\nusage: nnsh notebook FILE.jsh [-o OUT.ipynb]");
        System.exit(2);
    }
}
