package dev.nnsh.nn;

/**
 * An error inside a module's forward pass, naming where it happened: the module's path from the
 * network that was called ({@code features.3}) and its type, then the cause's message without a
 * leading name that only repeats the type ({@code features.3 (Conv2d): expected input with ...}, not
 * {@code ... (Conv2d): conv2d: expected ...}).
 */
public class ModuleException extends RuntimeException {
    private final String path;
    private final String typeName;

    public ModuleException(String path, String typeName, RuntimeException cause) {
        super((path.isEmpty() ? typeName : path + " (" + typeName + ")") + ": " + withoutRepeatedName(cause.getMessage(), typeName),
                cause);
        this.path = path;
        this.typeName = typeName;
    }

    /** Dotted path from the called network, empty for the network itself. */
    public String path() { return path; }

    public String typeName() { return typeName; }

    /** "Conv2d: …", "conv2d: …" or "max_pool2d: …" in a MaxPool2d: the name is dropped, it is already said. */
    static String withoutRepeatedName(String message, String typeName) {
        if (message == null) return "null";
        int colon = message.indexOf(": ");
        if (colon <= 0) return message;
        String name = message.substring(0, colon);
        boolean same = name.replace("_", "").equalsIgnoreCase(typeName.replace("_", ""));
        return same ? message.substring(colon + 2) : message;
    }
}
