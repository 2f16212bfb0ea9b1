package dev.nnsh.kernel;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A Jupyter message: the ZeroMQ routing identities and the four JSON parts. */
record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
               JsonObject metadata, JsonObject content) {
    static final String PROTOCOL_VERSION = "5.3";

    String type() {
        return header.has("msg_type") ? header.get("msg_type").getAsString() : "";
    }

    String id() {
        return header.has("msg_id") ? header.get("msg_id").getAsString() : "";
    }

    /** A new message of {@code type} in reply to this one (same identities, this header as parent). */
    Message reply(String type, String session, JsonObject content) {
        return new Message(identities, header(type, session), header, new JsonObject(), content);
    }

    static JsonObject header(String type, String session) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", "nnsh");
        h.addProperty("date", Instant.now().toString());
        h.addProperty("msg_type", type);
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }
}
