package dev.nnsh.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;

import dev.nnsh.tensor.Tensor;

/**
 * Checkpoints in and out. {@link #load} reads, by content (not by name): PyTorch {@code torch.save}
 * files (.pth/.pt/.bin, zip format), {@code .safetensors}, NumPy {@code .npz} and a folder of
 * {@code .npy} files. {@link #save} writes {@code .safetensors} only.
 */
public final class Weights {
    private Weights() {}

    /** Every tensor of the checkpoint by name, in the file's order. */
    public static Map<String, Tensor> load(Path file) {
        if (file == null) throw new IllegalArgumentException("Weights.load: the path is null");
        if (Files.isDirectory(file)) return NpzReader.readFolder(file);
        if (!Files.exists(file)) throw new WeightsException(file, "no such file");
        if (!Files.isReadable(file)) throw new WeightsException(file, "not readable (permissions)");
        return switch (formatOf(file)) {
            case TORCH_ZIP -> TorchCheckpointReader.read(file);
            case NPZ -> NpzReader.read(file);
            case SAFETENSORS -> SafetensorsReader.read(file);
        };
    }

    public static Map<String, Tensor> load(String file) { return load(Path.of(file)); }

    /** Writes a module's state dict (or any {@link StateDictSource}) as {@code .safetensors}. */
    public static void save(StateDictSource source, Path file) { save(source.stateDict(), file); }

    /** Writes named tensors as {@code .safetensors}, in the map's order. */
    public static void save(Map<String, Tensor> tensors, Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".pth") || name.endsWith(".pt") || name.endsWith(".bin")) {
            throw new WeightsException(file, "nnsh writes .safetensors only (PyTorch reads it with"
                    + " safetensors.torch.load_file); name the file *.safetensors");
        }
        SafetensorsWriter.write(tensors, file);
    }

    public static void save(StateDictSource source, String file) { save(source, Path.of(file)); }

    public static void save(Map<String, Tensor> tensors, String file) { save(tensors, Path.of(file)); }

    private enum Format { TORCH_ZIP, NPZ, SAFETENSORS }

    private static Format formatOf(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new WeightsException(file, "cannot read: " + e.getMessage(), e);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return zipKind(file);
        if (n >= 2 && head[0] == (byte) 0x80 && head[1] >= 2 && head[1] <= 5) {
            throw new WeightsException(file, "a pickle without a zip archive: PyTorch's legacy format (before 1.6,"
                    + " or _use_new_zipfile_serialization=False), which nnsh does not read; re-save it with torch.save"
                    + " from PyTorch 1.6 or later");
        }
        if (n >= 9 && head[8] == '{') {
            long length = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (length > 0) return Format.SAFETENSORS;
        }
        if (n >= 6 && head[0] == (byte) 0x93 && head[1] == 'N') {
            throw new WeightsException(file, "a single NumPy .npy array, not a checkpoint: read it with Tensor.load,"
                    + " or put the .npy files of a state dict in a folder and load the folder");
        }
        if (n == 0) throw new WeightsException(file, "an empty file");
        throw new WeightsException(file, "not a checkpoint nnsh reads: expected a torch.save zip (.pth/.pt/.bin),"
                + " .safetensors, .npz or a folder of .npy files");
    }

    private static Format zipKind(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith("/data.pkl")) return Format.TORCH_ZIP;
            }
            return Format.NPZ;
        } catch (IOException e) {
            throw new WeightsException(file, "truncated or corrupt file: it starts like a zip archive (.pth/.npz)"
                    + " but cannot be opened as one (" + e.getMessage() + ")", e);
        }
    }
}
