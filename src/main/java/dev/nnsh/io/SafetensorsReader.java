package dev.nnsh.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Reads {@code .safetensors}: an 8-byte little-endian header length N, N bytes of JSON (name to dtype,
 * shape, data_offsets into the data that follows; optional "__metadata__"), then the raw
 * little-endian data. Each tensor is read by position straight into its own native memory (not
 * memory-mapped: mapped pages would count a second time while the tensors live). Tensors come in the
 * order of their data in the file.
 */
final class SafetensorsReader {
    private SafetensorsReader() {}

    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

    static Map<String, Tensor> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) throw new WeightsException(file, "truncated .safetensors: " + size + " bytes, no header length");
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 0 || headerLength > 100_000_000 || 8 + headerLength > size) {
                throw new WeightsException(file, "truncated or corrupt .safetensors: header length " + headerLength
                        + " does not fit in the file's " + size + " bytes");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            channel.read(headerBytes, 8);
            List<Entry> entries = parseHeader(decode(headerBytes.flip(), file), file);
            long dataStart = 8 + headerLength;
            long dataLength = size - dataStart;
            for (Entry e : entries) {
                if (e.end() > dataLength) {
                    throw new WeightsException(file, "truncated .safetensors: tensor '" + e.name() + "' ends at byte "
                            + e.end() + " of the data, which has only " + dataLength + " bytes");
                }
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Entry e : entries) {
                if (e.end() - e.begin() > Integer.MAX_VALUE) {
                    throw new WeightsException(file, "tensor '" + e.name() + "' is over 2 GiB, which is not supported");
                }
                out.put(e.name(), RawTensors.fromChannel(e.dtype(), e.shape(), channel, dataStart + e.begin()));
            }
            return out;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WeightsException(file, "no such file", e);
        } catch (IOException e) {
            throw new WeightsException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String decode(ByteBuffer bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new WeightsException(file, "not a .safetensors file: its header is not UTF-8 text", e);
        }
    }

    private static List<Entry> parseHeader(String text, Path file) {
        JsonObject header;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) throw new JsonParseException("not a JSON object");
            header = parsed.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new WeightsException(file, "corrupt .safetensors header: not a JSON object (" + e.getMessage() + ")", e);
        }
        List<Entry> entries = new ArrayList<>();
        for (var e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) continue;
            entries.add(entry(e.getKey(), e.getValue(), file));
        }
        entries.sort(Comparator.comparingLong(Entry::begin));
        long expectedBegin = 0;
        for (Entry e : entries) {
            if (e.begin() != expectedBegin) {
                throw new WeightsException(file, "corrupt .safetensors header: tensor '" + e.name() + "' starts at "
                        + e.begin() + ", expected " + expectedBegin + " (tensors must tile the data without gaps or overlap)");
            }
            expectedBegin = e.end();
        }
        return entries;
    }

    private static Entry entry(String name, JsonElement value, Path file) {
        try {
            JsonObject o = value.getAsJsonObject();
            String dtypeName = o.get("dtype").getAsString();
            DType dtype = SafetensorsFormat.DTYPES.get(dtypeName);
            if (dtype == null) {
                throw new WeightsException(file, "tensor '" + name + "' has dtype " + dtypeName
                        + (SafetensorsFormat.KNOWN_UNSUPPORTED.contains(dtypeName) ? ", which nnsh cannot hold" : ", not a safetensors dtype")
                        + " (supported: " + String.join(", ", new java.util.TreeSet<>(SafetensorsFormat.DTYPES.keySet())) + ")");
            }
            JsonArray shapeJson = o.getAsJsonArray("shape");
            long[] shape = new long[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeJson.get(i).getAsLong();
                if (shape[i] < 0) throw new WeightsException(file, "tensor '" + name + "' has a negative size in its shape");
            }
            JsonArray offsets = o.getAsJsonArray("data_offsets");
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            long expected = Shapes.numel(shape) * dtype.bytes();
            if (offsets.size() != 2 || begin < 0 || end - begin != expected) {
                throw new WeightsException(file, "corrupt .safetensors header: tensor '" + name + "' has data_offsets ["
                        + begin + ", " + end + "], but shape " + Shapes.format(shape) + " of " + dtype + " needs "
                        + expected + " bytes");
            }
            return new Entry(name, dtype, shape, begin, end);
        } catch (WeightsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WeightsException(file, "corrupt .safetensors header: entry '" + name + "' lacks a valid dtype,"
                    + " shape or data_offsets (" + e + ")", e);
        }
    }
}
