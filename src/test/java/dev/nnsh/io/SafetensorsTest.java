package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.nnsh.models.Models;
import dev.nnsh.tensor.Tensor;

/** .safetensors from an independent writer (the fixture script's struct/json) and nnsh's own, round trip. */
class SafetensorsTest {
    @TempDir Path tmp;

    @Test void fixtureFromTheSpecificationLoadsBitForBit() {
        Fixtures.assertAllMatchNpy(Weights.load(Fixtures.file("lenet.safetensors")), "lenet_npy",
                Models.lenet5().stateDict().keySet());
        Fixtures.assertAllMatchNpy(Weights.load(Fixtures.file("dtypes.safetensors")), "dtypes_npy",
                TorchCheckpointTest.DTYPE_KEYS);
    }

    @Test void saveThenLoadGivesIdenticalTensorsOfEveryDtype() {
        Map<String, Tensor> original = Weights.load(Fixtures.file("dtypes.pth"));
        Path file = tmp.resolve("round.safetensors");
        Weights.save(original, file);
        Map<String, Tensor> back = Weights.load(file);
        assertEquals(String.join(",", original.keySet()), String.join(",", back.keySet()));
        for (var e : original.entrySet()) Fixtures.assertBitIdentical(e.getValue(), back.get(e.getKey()), e.getKey());
    }

    @Test void savingAModuleWritesItsStateDict() {
        var net = Models.lenet5();
        Path file = tmp.resolve("lenet.safetensors");
        Weights.save(net, file);
        Map<String, Tensor> back = Weights.load(file);
        for (var e : net.stateDict().entrySet()) Fixtures.assertBitIdentical(e.getValue(), back.get(e.getKey()), e.getKey());
    }

    @Test void writtenFileFollowsThePublishedLayout() throws IOException {
        Path file = tmp.resolve("layout.safetensors");
        Weights.save(Map.of("w", Tensor.of(new float[]{1f, 2f, 3f}, 3)), file);
        byte[] bytes = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "header padded so the data is 8-byte aligned");
        assertEquals(8 + n + 12, bytes.length, "header length, header, 3 float32 values");
        JsonObject header = JsonParser.parseString(new String(bytes, 8, (int) n, StandardCharsets.UTF_8).trim())
                .getAsJsonObject();
        assertEquals("{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}", header.get("w").toString());
        assertEquals("pt", header.getAsJsonObject("__metadata__").get("format").getAsString());
        ByteBuffer data = ByteBuffer.wrap(bytes, 8 + (int) n, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1f, data.getFloat());
        assertEquals(2f, data.getFloat());
        assertEquals(3f, data.getFloat());
    }

    @Test void pthIsNotWritten() {
        var e = assertThrows(WeightsException.class, () -> Weights.save(Map.of(), tmp.resolve("x.pth")));
        assertTrue(e.getMessage().contains(".safetensors only"), e.getMessage());
    }
}
