package dev.nnsh.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file Jupyter writes for a kernel: where to bind, and the signing key. */
final class ConnectionFile {
    String transport = "tcp";
    String ip = "127.0.0.1";
    @SerializedName("shell_port") int shellPort;
    @SerializedName("control_port") int controlPort;
    @SerializedName("iopub_port") int iopubPort;
    @SerializedName("stdin_port") int stdinPort;
    @SerializedName("hb_port") int hbPort;
    @SerializedName("signature_scheme") String signatureScheme = "hmac-sha256";
    String key = "";

    static ConnectionFile read(Path file) throws IOException {
        ConnectionFile c;
        try {
            c = new Gson().fromJson(Files.readString(file), ConnectionFile.class);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not a Jupyter connection file: " + e.getMessage(), e);
        }
        if (c == null) throw new IOException(file + " is empty");
        if (c.key != null && !c.key.isEmpty() && !"hmac-sha256".equals(c.signatureScheme)) {
            throw new IOException(file + ": signature_scheme " + c.signatureScheme + " is not supported (only hmac-sha256)");
        }
        return c;
    }

    String address(int port) {
        return transport + "://" + ip + ":" + port;
    }
}
