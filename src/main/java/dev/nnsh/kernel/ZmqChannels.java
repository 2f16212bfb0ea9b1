package dev.nnsh.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's five Jupyter channels over ZeroMQ (JeroMQ, pure Java): the only class that knows
 * the transport. Frames messages as the wire protocol says and signs them; a received message
 * whose signature does not match is dropped and logged, never handed on.
 * <p>Each ROUTER socket is read and written by one thread only (shell, control, stdin: the caller's
 * job); iopub is shared, so sends to it are serialized here.
 */
final class ZmqChannels implements AutoCloseable {
    enum Channel { SHELL, CONTROL, STDIN, IOPUB }

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

    private final ZContext context = new ZContext();
    private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    private final Signer signer;
    private final Consumer<String> log;
    private final Thread heartbeat;

    ZmqChannels(ConnectionFile c, Signer signer, Consumer<String> log) {
        this.signer = signer;
        this.log = log;
        sockets.put(Channel.SHELL, bind(SocketType.ROUTER, c.address(c.shellPort)));
        sockets.put(Channel.CONTROL, bind(SocketType.ROUTER, c.address(c.controlPort)));
        sockets.put(Channel.STDIN, bind(SocketType.ROUTER, c.address(c.stdinPort)));
        sockets.put(Channel.IOPUB, bind(SocketType.PUB, c.address(c.iopubPort)));
        ZMQ.Socket hb = bind(SocketType.REP, c.address(c.hbPort));
        heartbeat = new Thread(() -> echo(hb), "nnsh-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    private ZMQ.Socket bind(SocketType type, String address) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(1000);
        s.bind(address);
        return s;
    }

    /** The heartbeat: whatever comes in goes straight back. */
    private static void echo(ZMQ.Socket hb) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] ping = hb.recv(0);
                if (ping == null) return;
                hb.send(ping, 0);
            }
        } catch (RuntimeException closed) {
            // the context was closed: the kernel is ending
        }
    }

    /**
     * The next well-formed, correctly signed message on {@code channel}, or null when none came within
     * {@code timeoutMs} (-1: wait). Malformed or badly signed messages are logged and skipped.
     */
    Message receive(Channel channel, int timeoutMs) {
        ZMQ.Socket s = sockets.get(channel);
        s.setReceiveTimeOut(timeoutMs);
        List<byte[]> frames = new ArrayList<>();
        byte[] first = s.recv(0);
        if (first == null) return null;
        frames.add(first);
        s.setReceiveTimeOut(-1);
        while (s.hasReceiveMore()) frames.add(s.recv(0));
        return parse(channel, frames);
    }

    private Message parse(Channel channel, List<byte[]> frames) {
        int d = 0;
        while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIMITER)) d++;
        if (frames.size() < d + 6) {
            log.accept("dropped a malformed message on " + channel + " (" + frames.size() + " frames, no complete <IDS|MSG> part)");
            return null;
        }
        byte[] header = frames.get(d + 2), parent = frames.get(d + 3), metadata = frames.get(d + 4), content = frames.get(d + 5);
        String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            log.accept("dropped a message with a bad signature on " + channel + "; it was not run");
            return null;
        }
        try {
            return new Message(List.copyOf(frames.subList(0, d)), json(header), json(parent), json(metadata), json(content));
        } catch (JsonParseException | IllegalStateException e) {
            log.accept("dropped a message on " + channel + " whose JSON does not parse: " + e.getMessage());
            return null;
        }
    }

    private static JsonObject json(byte[] part) {
        JsonObject o = GSON.fromJson(new String(part, StandardCharsets.UTF_8), JsonObject.class);
        return o == null ? new JsonObject() : o;
    }

    void send(Channel channel, Message m) {
        byte[] header = bytes(m.header()), parent = bytes(m.parentHeader()),
               metadata = bytes(m.metadata()), content = bytes(m.content());
        byte[] signature = signer.sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
        ZMQ.Socket s = sockets.get(channel);
        if (channel == Channel.IOPUB) {
            synchronized (s) {
                s.sendMore(("kernel." + m.type()).getBytes(StandardCharsets.UTF_8));
                sendParts(s, signature, header, parent, metadata, content);
            }
        } else {
            for (byte[] id : m.identities()) s.sendMore(id);
            sendParts(s, signature, header, parent, metadata, content);
        }
    }

    private static void sendParts(ZMQ.Socket s, byte[] signature, byte[] header, byte[] parent,
                                  byte[] metadata, byte[] content) {
        s.sendMore(DELIMITER);
        s.sendMore(signature);
        s.sendMore(header);
        s.sendMore(parent);
        s.sendMore(metadata);
        s.send(content, 0);
    }

    private static byte[] bytes(JsonObject o) {
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
