package dev.nnsh.io;

import java.nio.file.Path;

/** A weights or image file that cannot be read or written: names the file and what was wrong. */
public class WeightsException extends RuntimeException {
    private final transient Path file;

    public WeightsException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public WeightsException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is in. */
    public Path file() { return file; }
}
