package dev.nnsh.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.nnsh.tensor.Tensor;

/**
 * Writes the published safetensors layout: u64 little-endian header length, the JSON header (dtype,
 * shape, data_offsets per tensor, "__metadata__": {"format": "pt"}) padded with spaces to a multiple of
 * 8 bytes so the data is aligned, then each tensor's little-endian bytes in map order. The file is
 * written to a temporary sibling and moved into place, so a failed save leaves no half file.
 */
final class SafetensorsWriter {
    private SafetensorsWriter() {}

    static void write(Map<String, Tensor> tensors, Path file) {
        JsonObject header = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("format", "pt");
        header.add("__metadata__", metadata);
        long offset = 0;
        for (var e : tensors.entrySet()) {
            Tensor t = e.getValue();
            if (t == null || t.isShapeOnly()) {
                throw new WeightsException(file, "tensor '" + e.getKey() + "' has no data (shape-only); nothing was written");
            }
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", SafetensorsFormat.nameOf(t.dtype()));
            JsonArray shape = new JsonArray();
            for (long s : t.shape()) shape.add(s);
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += t.numel() * t.dtype().bytes();
            offsets.add(offset);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) head.put((byte) ' ');
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            if (parent != null) Files.createDirectories(parent);
            // a sibling with the usual permissions (createTempFile would make it owner-only)
            tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + System.nanoTime() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 WritableByteChannel channel = Channels.newChannel(out)) {
                channel.write(head.flip());
                for (Tensor t : tensors.values()) channel.write(RawTensors.toBytes(t));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WeightsException(file, "cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }
}
