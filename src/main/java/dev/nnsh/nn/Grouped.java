package dev.nnsh.nn;

/** A convolution's channel groups, which torchinfo's Groups column shows. */
public interface Grouped {
    int groups();
}
