package dev.nnsh.nn;

/**
 * A module that reads its input cheapest when that input lies channels-last (issue 11, tf): a
 * Permute to [N, H, W, C] is then a view instead of a copy. A Sequential running a lone Conv2d
 * followed by such a module has the convolution write channels-last ({@link SequentialFusion}).
 */
public interface ChannelsLastConsumer {
    /** Whether this module, as configured, prefers a channels-last [N, C, H, W] input. */
    boolean prefersChannelsLast();
}
