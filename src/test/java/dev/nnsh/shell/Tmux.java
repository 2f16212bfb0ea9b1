package dev.nnsh.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real terminal: a detached tmux session, driven by send-keys and read by capture-pane. */
final class Tmux implements AutoCloseable {
    /** A server of its own per test JVM, away from any tmux the developer or a parallel build runs. */
    private static final String SOCKET = "nnsh-shell-tests-" + ProcessHandle.current().pid();
    private final String name;

    Tmux(String name, String command) throws IOException, InterruptedException {
        this.name = name;
        tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "50", command);
    }

    /** Types text literally, then presses Enter. */
    void enter(String text) throws IOException, InterruptedException {
        type(text);
        key("Enter");
    }

    void type(String text) throws IOException, InterruptedException {
        // tmux reads an argument ending in ';' as a command separator, even with -l: send it as hex
        String body = text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        if (!body.isEmpty()) tmux("send-keys", "-t", name, "-l", body);
        if (body.length() < text.length()) tmux("send-keys", "-t", name, "-H", "3b");
    }

    /** A named key: Enter, Tab, C-c, C-d. */
    void key(String key) throws IOException, InterruptedException {
        tmux("send-keys", "-t", name, key);
    }

    /** Everything the pane has shown, wrapped lines joined. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", name);
    }

    int count(String needle) throws IOException, InterruptedException {
        return screen().split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    /** Waits until {@code needle} has been shown at least {@code times} times. */
    void await(String needle, int times, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (count(needle) < times) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for " + times + "× \"" + needle
                        + "\"; the terminal shows:\n" + screen());
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the shell shows the prompt of cell {@code n} and nothing after it. */
    void awaitPrompt(int n, int seconds) throws IOException, InterruptedException {
        awaitPrompt("In \\[" + n + "\\]:", seconds);
    }

    /** Waits until the shell shows a prompt, whatever its number, and nothing after it. */
    void awaitAnyPrompt(int seconds) throws IOException, InterruptedException {
        awaitPrompt("In \\[\\d+\\]:", seconds);
    }

    private void awaitPrompt(String prompt, int seconds) throws IOException, InterruptedException {
        java.util.regex.Pattern last = java.util.regex.Pattern.compile("(?s).*" + prompt);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!last.matcher(screen().stripTrailing()).matches()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for the prompt " + prompt
                        + "; the terminal shows:\n" + screen());
            }
            Thread.sleep(50);
        }
    }

    boolean alive() throws IOException, InterruptedException {
        return run(List.of("tmux", "-L", SOCKET, "has-session", "-t", name)).exit == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!alive()) return;
        List<String> kill = List.of("tmux", "-L", SOCKET, "kill-session", "-t", name);
        Result r = run(kill);
        // the shell may end between the two calls, and the server with its last session: that is no failure
        if (r.exit != 0 && alive()) throw new IOException(String.join(" ", kill) + " failed: " + r.output);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        command.addAll(List.of(args));
        Result r = run(command);
        if (r.exit != 0) throw new IOException(String.join(" ", command) + " failed: " + r.output);
        return r.output;
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    // --- issue 13: waiting for a line editor ---

    /** Waits until a line editor reads the terminal: JLine turns keypad mode on while it reads a line. */
    void awaitLineEditor(int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!tmux("display-message", "-p", "-t", name, "#{keypad_cursor_flag}").strip().equals("1")) {
            if (System.nanoTime() > end) throw new AssertionError("waited " + seconds + " s for a line editor; the terminal shows:\n" + screen());
            Thread.sleep(50);
        }
    }

    // --- issue 11 (shell): pasting ---

    /** Pastes text as a terminal does (tmux paste-buffer -p: bracketed when the program asked for it). */
    void paste(String text) throws IOException, InterruptedException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("nnsh-paste", ".txt");
        try {
            java.nio.file.Files.writeString(file, text);
            String buffer = "nnsh-paste-" + ProcessHandle.current().pid();
            tmux("load-buffer", "-b", buffer, file.toString());
            tmux("paste-buffer", "-p", "-d", "-b", buffer, "-t", name);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
