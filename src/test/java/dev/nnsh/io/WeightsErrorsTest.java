package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnsh.models.Models;
import dev.nnsh.nn.IncompatibleKeys;
import dev.nnsh.tensor.Tensor;

/** Bad files give an exception naming the file and the problem, never a crash; load_state_dict's rules. */
class WeightsErrorsTest {
    @TempDir Path tmp;

    private WeightsException fails(Path file, String... expectedParts) {
        var e = assertThrows(WeightsException.class, () -> Weights.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        for (String part : expectedParts) assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    private Path truncated(String fixture, int keep) throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.file(fixture));
        Path out = tmp.resolve("cut-" + fixture);
        Files.write(out, Arrays.copyOf(all, keep < 0 ? all.length + keep : keep));
        return out;
    }

    @Test void missingFile() { fails(tmp.resolve("nope.pth"), "no such file"); }

    @Test void truncatedCheckpoints() throws IOException {
        fails(truncated("lenet.pth", 100_000), "truncated or corrupt");
        fails(truncated("lenet.safetensors", -1000), "truncated .safetensors", "classifier");
        fails(truncated("lenet.safetensors", 4), "not a checkpoint nnsh reads");
        fails(truncated("tiny_resnet.npz", 20_000), "truncated or corrupt");
    }

    @Test void corruptBytesAndWrongFormats() throws IOException {
        byte[] noise = new byte[4096];
        new Random(14).nextBytes(noise);
        noise[0] = 'x';
        Path random = Files.write(tmp.resolve("random.bin"), noise);
        fails(random, "not a checkpoint nnsh reads");
        fails(Fixtures.file("image.png"), "not a checkpoint nnsh reads");
        fails(Fixtures.file("lenet_input.npy"), "single NumPy .npy array");
        fails(Files.write(tmp.resolve("empty.pth"), new byte[0]), "an empty file");
        fails(Files.write(tmp.resolve("legacy.pth"), new byte[]{(byte) 0x80, 2, 'K', 1, '.'}), "legacy format");
    }

    @Test void pytorchFilesThatAreNotStateDictsAreExplained() {
        fails(Fixtures.file("whole_module.pth"), "refused to load the class torch.nn.modules.linear.Linear",
                "Save model.state_dict() instead");
        fails(Fixtures.file("legacy.pth"), "legacy format");
        fails(Fixtures.file("torchscript.pt"), "TorchScript archive");
    }

    @Test void corruptPickleInsideAValidZip() throws IOException {
        Path file = CraftedFiles.torchZip(tmp.resolve("bad.pth"), new byte[]{(byte) 0x80, 2, '}', 'q'});
        fails(file, "data.pkl");
    }

    @Test void storageShorterThanTheHeaderSaysIsCorrupt() throws IOException {
        Path file = tmp.resolve("short-storage.pth");
        try (var in = new java.util.zip.ZipFile(Fixtures.file("dtypes.pth").toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                byte[] data = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith("data/0")) data = Arrays.copyOf(data, data.length - 4);
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        fails(file, "corrupt checkpoint: storage data/0 has 20 bytes, its header says 6 float32 elements (24 bytes)");
    }

    @Test void corruptSafetensorsHeader() throws IOException {
        fails(safetensors(tmp.resolve("j.safetensors"), "{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 12]}}", 12),
                "data_offsets [0, 12]", "needs 8 bytes");
        fails(safetensors(tmp.resolve("k.safetensors"), "{\"w\": {\"dtype\": \"F32\", \"shape\": [2]", 8), "corrupt .safetensors header");
    }

    @Test void unsupportedDtypes() throws IOException {
        fails(safetensors(tmp.resolve("u16.safetensors"), "{\"w\": {\"dtype\": \"U16\", \"shape\": [2], \"data_offsets\": [0, 4]}}", 4),
                "tensor 'w' has dtype U16, which nnsh cannot hold");
        byte[] complex = ("\u0080\u0002ctorch\nComplexFloatStorage\n.").getBytes(StandardCharsets.ISO_8859_1);
        fails(CraftedFiles.torchZip(tmp.resolve("complex.pth"), complex), "dtype complex64", "unsupported");
    }

    @Test void npyElementTypesNnshCannotHold() throws IOException {
        for (String descr : new String[]{"<c8", ">f4", "<U3"}) {
            Path folder = Files.createDirectories(tmp.resolve("npy-" + descr.replaceAll("[<>|]", "")));
            String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2,), }";
            header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
            ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 64).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
            b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
            Path npy = Files.write(folder.resolve("w.npy"), b.array());
            var e = assertThrows(WeightsException.class, () -> Weights.load(folder));
            assertTrue(e.getMessage().startsWith(npy.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("element type '" + descr + "' is unsupported"), e.getMessage());
        }
    }

    @Test void shapeMismatchNamesKeyBothShapesAndFile() {
        var net = Models.lenet5(5); // 5 classes: the checkpoint's last layer has 10
        Path file = Fixtures.file("lenet.pth");
        var e = assertThrows(WeightsException.class, () -> net.loadWeights(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("size mismatch for classifier.5.weight: copying a param with shape [10, 84]"
                + " from checkpoint, the shape in current model is [5, 84]."), e.getMessage());
    }

    @Test void strictFalseReportsMissingAndUnexpectedKeysLikePyTorch() {
        var net = new TinyResNet();
        Tensor before = net.stateDict().get("fc.weight");
        // the LeNet checkpoint has none of the ResNet's keys
        var strictError = assertThrows(WeightsException.class, () -> net.loadWeights(Fixtures.file("lenet.pth")));
        assertTrue(strictError.getMessage().contains("Missing key(s) in state_dict: \"conv1.weight\""), strictError.getMessage());
        assertTrue(strictError.getMessage().contains("Unexpected key(s) in state_dict: \"features.0.weight\""));
        var state = new java.util.LinkedHashMap<>(Weights.load(Fixtures.file("tiny_resnet.pth")));
        state.remove("fc.bias");
        state.put("head.extra", Tensor.zeros(2));
        IncompatibleKeys result = net.loadStateDict(state, false);
        assertEquals("_IncompatibleKeys(missing_keys=['fc.bias'], unexpected_keys=['head.extra'])", result.toString());
        Fixtures.assertBitIdentical(Fixtures.npy("tiny_resnet_npy", "fc.weight"), net.stateDict().get("fc.weight"), "loaded");
        assertNotSame(before, net.stateDict().get("fc.weight"));
        assertEquals("<All keys matched successfully>", new TinyResNet().loadWeights(Fixtures.file("tiny_resnet.pth"), false).toString());
    }

    private static Path safetensors(Path file, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        return Files.write(file, b.array());
    }
}
