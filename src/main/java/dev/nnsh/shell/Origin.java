package dev.nnsh.shell;

/**
 * Where a cell came from: interactive cell {@code n} (file is null) or a script cell starting at
 * {@code firstLine} of {@code file}. Names a line of the cell the way the user sees it.
 */
record Origin(int cell, String file, int firstLine) {
    static Origin interactive(int cell) {
        return new Origin(cell, null, 1);
    }

    static Origin script(int cell, String file, int firstLine) {
        return new Origin(cell, file, firstLine);
    }

    /** "In [3] line 2" or "tutorial.jsh:14", for 1-based {@code lineInCell}. */
    String at(int lineInCell) {
        return file == null
                ? "In [" + cell + "] line " + lineInCell
                : file + ":" + (firstLine + lineInCell - 1);
    }
}
