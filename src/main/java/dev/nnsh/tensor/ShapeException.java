package dev.nnsh.tensor;

/** A tensor (or layer input) whose shape does not fit the operation; the message says which and why. */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) { super(message); }
}
