package dev.nnsh.shell;

/**
 * A snippet that ran successfully, kept so that it can be replayed into a new engine (and listed by
 * /list, saved by /save): its source, where it came from, and {@code valueName}, the `_n` variable
 * holding its value when it was an expression (else null).
 */
record ReplayableSnippet(String source, Origin origin, int firstLineInCell, String valueName) {}
