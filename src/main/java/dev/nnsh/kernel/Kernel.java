package dev.nnsh.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.nnsh.kernel.ZmqChannels.Channel;
import dev.nnsh.shell.KernelSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The nnsh Jupyter kernel: answers the shell and control channels, publishes status, streams and
 * results on iopub, asks for input on stdin. Cells run one at a time on the shell thread; control
 * (interrupt, shutdown) has its own thread so it is heard while a cell runs.
 */
final class Kernel {
    static final List<String> STARTUP = List.of("import static dev.nnsh.kernel.Displays.display;",
            "import static dev.nnsh.kernel.Displays.clearOutput;");

    private final ZmqChannels channels;
    private final String session = UUID.randomUUID().toString();
    private final EngineOutput stdout, stderr;
    private final StdinBridge stdin;
    private final KernelSession engine;
    private final Cells cells;
    private final History history = new History();
    private final Requests requests;
    private final long graceMillis;
    private final AtomicReference<Map<String, String>> resultFrame = new AtomicReference<>();
    private final AtomicLong runningCell = new AtomicLong(); // 0: none; else a sequence number
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile Message current; // the request whose output is being published
    private volatile boolean interrupted;
    private int executionCount;
    private long cellSequence;

    Kernel(ConnectionFile connection, String classpath, long graceMillis) {
        this.graceMillis = graceMillis;
        channels = new ZmqChannels(connection, new Signer(connection.key), Kernel::log);
        EngineOutput.Sink sink = new EngineOutput.Sink() {
            @Override public void stream(String name, String text) {
                publishStream(name, text);
            }
            @Override public void display(String kind, String bundle) {
                Map<String, String> data = Displays.decode(bundle);
                if (kind.equals("clear")) publish("clear_output", flagContent("wait", false));
                else if (kind.equals("result")) resultFrame.set(data);
                else publish("display_data", mimeContent(data));
            }
        };
        stdout = new EngineOutput("stdout", sink);
        stderr = new EngineOutput("stderr", sink);
        stdin = new StdinBridge(this::askForInput);
        engine = new KernelSession(classpath, stdout, stderr, stdin, STARTUP);
        requests = new Requests(engine);
        cells = new Cells(engine, text -> publishStream("stdout", text), () -> resultFrame.getAndSet(null),
                name -> requests.documentation(name, name.length()));
    }

    static void log(String line) {
        System.err.println("nnsh kernel: " + line);
    }

    /** Serves until a shutdown_request; returns whether a restart was asked for. */
    void serve() throws InterruptedException {
        engine.start();
        Thread control = new Thread(() -> loop(Channel.CONTROL), "nnsh-control");
        control.setDaemon(true);
        control.start();
        Thread flusher = new Thread(this::flushEvery20ms, "nnsh-output");
        flusher.setDaemon(true);
        flusher.start();
        Thread shell = new Thread(() -> loop(Channel.SHELL), "nnsh-shell");
        shell.setDaemon(true);
        shell.start();
        publish("status", state("starting"));
        shutdown.await();
        engine.close();
        channels.close();
    }

    /** Interrupt by signal (SIGINT), as well as by interrupt_request. */
    void interrupt() {
        interrupted = true;
        engine.stop();
        long cell = runningCell.get();
        if (cell == 0 || graceMillis <= 0) return;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(graceMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (runningCell.get() == cell) {
                log("the cell ignored the interrupt for " + graceMillis + " ms; ending its engine");
                publishStream("stderr", "nnsh: the cell ignored the interrupt for " + graceMillis / 1000.0
                        + " s (a native call?); ending its engine\n");
                engine.kill();
            }
        }, "nnsh-interrupt-grace");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void flushEvery20ms() {
        while (true) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            stdout.drain();
            stderr.drain();
        }
    }

    private void loop(Channel channel) {
        while (shutdown.getCount() > 0) {
            Message m;
            try {
                m = channels.receive(channel, 200);
            } catch (RuntimeException closed) {
                return;
            }
            if (m == null) continue;
            try {
                handle(channel, m);
            } catch (RuntimeException e) {
                log("failed to handle " + m.type() + ": " + e);
                e.printStackTrace();
            }
        }
    }

    private void handle(Channel channel, Message m) {
        if (channel == Channel.SHELL) current = m; // stream output between cells goes with the last one
        publish(m, "status", state("busy"));
        switch (m.type()) {
                case "execute_request" -> execute(m);
                case "kernel_info_request" -> reply(channel, m, "kernel_info_reply", requests.kernelInfo());
                case "complete_request" -> reply(channel, m, "complete_reply", requests.complete(m.content()));
                case "inspect_request" -> reply(channel, m, "inspect_reply", requests.inspect(m.content()));
                case "is_complete_request" -> reply(channel, m, "is_complete_reply", requests.isComplete(m.content()));
                case "history_request" -> {
                    JsonObject c = ok();
                    c.add("history", history.query(m.content()));
                    reply(channel, m, "history_reply", c);
                }
                case "comm_info_request" -> {
                    JsonObject c = ok();
                    c.add("comms", new JsonObject());
                    reply(channel, m, "comm_info_reply", c);
                }
                case "interrupt_request" -> {
                    interrupt();
                    reply(channel, m, "interrupt_reply", ok());
                }
                case "shutdown_request" -> {
                    JsonObject c = ok();
                    boolean restart = m.content().has("restart") && m.content().get("restart").getAsBoolean();
                    c.addProperty("restart", restart);
                    reply(channel, m, "shutdown_reply", c);
                    publish(m, "status", state("idle"));
                    shutdown.countDown();
                    return;
                }
                case "comm_open", "comm_msg", "comm_close" -> { } // nnsh offers no comm targets
                default -> log("ignored a " + m.type() + " message");
        }
        publish(m, "status", state("idle"));
    }

    private void execute(Message m) {
        JsonObject c = m.content();
        String code = c.has("code") ? c.get("code").getAsString() : "";
        boolean silent = flag(c, "silent", false);
        boolean store = flag(c, "store_history", true) && !silent;
        if (store) executionCount++;
        int n = Math.max(1, executionCount);
        JsonObject input = new JsonObject();
        input.addProperty("code", code);
        input.addProperty("execution_count", n);
        if (!silent) publish(m, "execute_input", input);
        interrupted = false;
        stdin.begin(m, flag(c, "allow_stdin", true));
        runningCell.set(++cellSequence);
        CellRun run;
        try {
            run = cells.run(code, n);
        } finally {
            runningCell.set(0);
            stdin.end();
            stdout.drain();
            stderr.drain();
        }
        JsonObject reply = new JsonObject();
        if (run.failed()) {
            JsonObject error = new JsonObject();
            error.addProperty("ename", run.ename());
            error.addProperty("evalue", run.evalue());
            JsonArray tb = new JsonArray();
            run.traceback().forEach(tb::add);
            error.add("traceback", tb);
            publish(m, "error", error);
            reply = error.deepCopy();
            reply.addProperty("status", "error");
        } else {
            if (run.result() != null && !silent) {
                JsonObject result = mimeContent(run.result());
                result.addProperty("execution_count", n);
                publish(m, "execute_result", result);
            }
            reply.addProperty("status", "ok");
            JsonArray payload = new JsonArray();
            if (run.page() != null) {
                JsonObject page = new JsonObject();
                page.addProperty("source", "page");
                JsonObject data = new JsonObject();
                data.addProperty("text/plain", run.page());
                page.add("data", data);
                page.addProperty("start", 0);
                payload.add(page);
            }
            reply.add("payload", payload);
            reply.add("user_expressions", new JsonObject());
        }
        reply.addProperty("execution_count", n);
        if (store) history.add(n, code, run.result() == null ? null : run.result().get("text/plain"));
        reply(Channel.SHELL, m, "execute_reply", reply);
    }

    /** Called from JShell's I/O thread when the cell reads System.in with nothing buffered. */
    private String askForInput(Message execute) {
        stdout.drain(); // the prompt the cell printed shows before the input box
        channels.send(Channel.STDIN, execute.reply("input_request", session, StdinBridge.request("")));
        // ends with the cell too: an engine that died while its read waited must not keep JShell's I/O waiting
        while (!interrupted && shutdown.getCount() > 0 && stdin.asking(execute)) {
            Message m = channels.receive(Channel.STDIN, 100);
            if (m == null || !m.type().equals("input_reply")) continue;
            JsonObject c = m.content();
            return c.has("value") ? c.get("value").getAsString() : "";
        }
        return null;
    }

    private static JsonObject mimeContent(Map<String, String> bundle) {
        JsonObject data = new JsonObject();
        bundle.forEach(data::addProperty);
        JsonObject c = new JsonObject();
        c.add("data", data);
        c.add("metadata", new JsonObject());
        return c;
    }

    private void publishStream(String name, String text) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", text);
        publish("stream", c);
    }

    private void publish(String type, JsonObject content) {
        Message parent = current;
        if (parent == null) {
            channels.send(Channel.IOPUB, new Message(List.of(), Message.header(type, session), new JsonObject(),
                    new JsonObject(), content));
        } else {
            publish(parent, type, content);
        }
    }

    private void publish(Message parent, String type, JsonObject content) {
        channels.send(Channel.IOPUB, parent.reply(type, session, content));
    }

    private void reply(Channel channel, Message request, String type, JsonObject content) {
        channels.send(channel, request.reply(type, session, content));
    }

    private static JsonObject state(String s) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", s);
        return c;
    }

    static JsonObject ok() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        return c;
    }

    private static JsonObject flagContent(String key, boolean value) {
        JsonObject c = new JsonObject();
        c.addProperty(key, value);
        return c;
    }

    private static boolean flag(JsonObject c, String key, boolean otherwise) {
        return c.has(key) && !c.get(key).isJsonNull() ? c.get(key).getAsBoolean() : otherwise;
    }
}
