package dev.nnsh.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import net.razorvine.pickle.PickleException;

import dev.nnsh.io.TorchPickleClasses.StorageRef;
import dev.nnsh.io.TorchPickleClasses.StorageType;
import dev.nnsh.io.TorchPickleClasses.TensorRef;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Reads {@code torch.save} files in the zip format (PyTorch 1.6 and later): {@code NAME/data.pkl} is
 * the pickled object, {@code NAME/data/KEY} the raw little-endian storages it refers to. Returns the
 * state dict: the pickled dict itself, or the one under "state_dict" or "model". Storages are read one
 * at a time, each once (tensors sharing it are cut from the same bytes), and dropped after their last
 * tensor is made, so a big file is never held in memory next to its tensors.
 */
final class TorchCheckpointReader {
    private TorchCheckpointReader() {}

    static Map<String, Tensor> read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = archivePrefix(zip, file);
            checkByteOrder(zip, prefix, file);
            Object root = unpickle(zip, prefix, file);
            Map<String, TensorRef> refs = stateDictIn(root, file);
            return materialize(zip, prefix, refs, file);
        } catch (ZipException e) {
            throw new WeightsException(file, "truncated or corrupt checkpoint: not a readable zip archive ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new WeightsException(file, "cannot read the checkpoint: " + e.getMessage(), e);
        }
    }

    private static String archivePrefix(ZipFile zip, Path file) {
        String prefix = null;
        boolean torchScript = false;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash < 0) continue;
            String rest = name.substring(slash + 1);
            if (rest.equals("data.pkl") && prefix == null) prefix = name.substring(0, slash + 1);
            if (rest.equals("constants.pkl") || rest.startsWith("code/")) torchScript = true;
        }
        if (torchScript) {
            throw new WeightsException(file, "a TorchScript archive (torch.jit.save), which holds code; nnsh reads"
                    + " torch.save files: save model.state_dict() with torch.save");
        }
        if (prefix == null) {
            throw new WeightsException(file, "a zip archive without data.pkl: not a torch.save checkpoint");
        }
        return prefix;
    }

    private static void checkByteOrder(ZipFile zip, String prefix, Path file) throws IOException {
        ZipEntry order = zip.getEntry(prefix + "byteorder");
        if (order == null) return;
        try (InputStream in = zip.getInputStream(order)) {
            String value = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
            if (!value.equals("little")) {
                throw new WeightsException(file, "storages are in '" + value + "' byte order; only little-endian"
                        + " checkpoints are supported");
            }
        }
    }

    private static Object unpickle(ZipFile zip, String prefix, Path file) throws IOException {
        ZipEntry data = zip.getEntry(prefix + "data.pkl");
        SafeUnpickler unpickler = new SafeUnpickler(pid -> storageRef(pid));
        try (InputStream in = zip.getInputStream(data)) {
            return unpickler.load(in);
        } catch (SafeUnpickler.RefusedClassException | SafeUnpickler.UnsupportedDtypeException e) {
            throw new WeightsException(file, e.getMessage(), e);
        } catch (WeightsException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // a damaged pickle makes the library fail in many ways (bad lengths, numbers, stack shapes);
            // an absurd length fails its allocation before anything is read, so the error is safe to report
            throw new WeightsException(file, "corrupt checkpoint: its pickle (" + prefix + "data.pkl) cannot be read ("
                    + e + ")", e);
        } catch (IOException e) {
            throw new WeightsException(file, "truncated or corrupt checkpoint: " + prefix + "data.pkl ends early ("
                    + e.getMessage() + ")", e);
        }
    }

    private static StorageRef storageRef(Object[] pid) {
        if (pid.length != 5 || !"storage".equals(pid[0]) || !(pid[1] instanceof StorageType type)) {
            throw new PickleException("persistent id is not ('storage', type, key, location, numel): "
                    + java.util.Arrays.toString(pid));
        }
        long numel = TorchPickleClasses.toLong(pid[4], "storage size");
        if (numel < 0 || numel > Long.MAX_VALUE / 8) throw new PickleException("storage size " + numel + " is invalid");
        return new StorageRef(String.valueOf(pid[2]), type.dtype(), numel);
    }

    /** The state dict in what was pickled: the dict itself or the one under "state_dict" / "model". */
    private static Map<String, TensorRef> stateDictIn(Object root, Path file) {
        Map<String, TensorRef> direct = tensorsOnly(root);
        if (direct != null) return direct;
        if (root instanceof Map<?, ?> map) {
            for (String key : List.of("state_dict", "model")) {
                Map<String, TensorRef> inner = tensorsOnly(map.get(key));
                if (inner != null) return inner;
            }
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) keys.add(String.valueOf(k));
            throw new WeightsException(file, "no state dict found: the checkpoint is a dict with keys " + keys
                    + ", none of them \"state_dict\" or \"model\" holding a dict of tensors");
        }
        throw new WeightsException(file, "no state dict found: the checkpoint holds "
                + (root == null ? "None" : root.getClass().getSimpleName()) + ", not a dict of tensors");
    }

    private static Map<String, TensorRef> tensorsOnly(Object o) {
        if (!(o instanceof Map<?, ?> map) || map.isEmpty()) return null;
        Map<String, TensorRef> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof TensorRef ref)) return null;
            out.put(key, ref);
        }
        return out;
    }

    private static Map<String, Tensor> materialize(ZipFile zip, String prefix, Map<String, TensorRef> refs, Path file)
            throws IOException {
        Map<String, Integer> usesLeft = new HashMap<>();
        for (TensorRef r : refs.values()) usesLeft.merge(r.storage().key(), 1, Integer::sum);
        Map<String, ByteBuffer> open = new HashMap<>();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : refs.entrySet()) {
            TensorRef r = e.getValue();
            StorageRef s = r.storage();
            if (RawTensors.extent(r.shape(), r.stride(), r.offset()) > s.numel()) {
                throw new WeightsException(file, "corrupt checkpoint: tensor '" + e.getKey() + "' reaches past the end"
                        + " of its storage data/" + s.key() + " (" + s.numel() + " elements)");
            }
            if (usesLeft.get(s.key()) == 1 && wholeStorage(r)) {
                // the usual case, a tensor owning its storage: the entry is read straight into the tensor's memory
                out.put(e.getKey(), readInto(zip, prefix, r, file));
                usesLeft.remove(s.key());
                continue;
            }
            ByteBuffer bytes = open.get(s.key());
            if (bytes == null) {
                bytes = readStorage(zip, prefix, s, file);
                open.put(s.key(), bytes);
            }
            out.put(e.getKey(), RawTensors.fromStrided(s.dtype(), r.shape(), r.stride(), r.offset(), bytes));
            if (usesLeft.merge(s.key(), -1, Integer::sum) == 0) open.remove(s.key());
        }
        return out;
    }

    private static boolean wholeStorage(TensorRef r) {
        return r.offset() == 0 && RawTensors.isContiguous(r.shape(), r.stride())
                && Shapes.numel(r.shape()) == r.storage().numel();
    }

    private static Tensor readInto(ZipFile zip, String prefix, TensorRef r, Path file) throws IOException {
        StorageRef s = r.storage();
        ZipEntry entry = storageEntry(zip, prefix, s, file);
        try (InputStream in = zip.getInputStream(entry)) {
            return RawTensors.fromStream(s.dtype(), r.shape(), in, () -> new WeightsException(file,
                    "truncated checkpoint: storage data/" + s.key() + " ends before its " + s.numel() * s.dtype().bytes()
                            + " bytes"));
        }
    }

    private static ZipEntry storageEntry(ZipFile zip, String prefix, StorageRef s, Path file) {
        ZipEntry entry = zip.getEntry(prefix + "data/" + s.key());
        if (entry == null) throw new WeightsException(file, "corrupt checkpoint: storage data/" + s.key() + " is missing");
        long expected = s.numel() * s.dtype().bytes();
        if (entry.getSize() >= 0 && entry.getSize() != expected) {
            throw new WeightsException(file, "corrupt checkpoint: storage data/" + s.key() + " has " + entry.getSize()
                    + " bytes, its header says " + s.numel() + " " + s.dtype() + " elements (" + expected + " bytes)");
        }
        if (expected > Integer.MAX_VALUE - 16) {
            throw new WeightsException(file, "storage data/" + s.key() + " is " + expected + " bytes; storages over"
                    + " 2 GiB are not supported");
        }
        return entry;
    }

    private static ByteBuffer readStorage(ZipFile zip, String prefix, StorageRef s, Path file) throws IOException {
        ZipEntry entry = storageEntry(zip, prefix, s, file);
        long expected = s.numel() * s.dtype().bytes();
        byte[] data = new byte[(int) expected];
        try (InputStream in = zip.getInputStream(entry)) {
            int n = in.readNBytes(data, 0, data.length);
            if (n != data.length) {
                throw new WeightsException(file, "truncated checkpoint: storage data/" + s.key() + " has " + n
                        + " of its " + expected + " bytes");
            }
        }
        return ByteBuffer.wrap(data);
    }
}
