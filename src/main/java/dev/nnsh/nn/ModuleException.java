package dev.nnsh.nn;

/**
 * An error inside a module's forward pass, naming where it happened: the module's path from the
 * network that was called ({@code features.3}) and its type.
 */
public class ModuleException extends RuntimeException {
    private final String path;
    private final String typeName;

    public ModuleException(String path, String typeName, RuntimeException cause) {
        super((path.isEmpty() ? typeName : path + " (" + typeName + ")") + ": " + cause.getMessage(), cause);
        this.path = path;
        this.typeName = typeName;
    }

    /** Dotted path from the called network, empty for the network itself. */
    public String path() { return path; }

    public String typeName() { return typeName; }
}
