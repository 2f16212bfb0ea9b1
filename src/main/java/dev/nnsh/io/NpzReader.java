package dev.nnsh.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import dev.nnsh.tensor.Tensor;

/** Reads NumPy {@code .npz} archives (np.savez, stored or deflated): one tensor per NAME.npy entry, in archive order. */
final class NpzReader {
    private NpzReader() {}

    static Map<String, Tensor> read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory()) continue;
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    throw new WeightsException(file, "entry '" + name + "' is not a .npy array: not a NumPy .npz archive");
                }
                if (entry.getSize() > Integer.MAX_VALUE - 16) {
                    throw new WeightsException(file, "entry '" + name + "' is over 2 GiB, which is not supported");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                try {
                    out.put(name.substring(0, name.length() - 4), NpyFormat.parse(ByteBuffer.wrap(bytes), "entry '" + name + "'"));
                } catch (IllegalArgumentException problem) {
                    throw new WeightsException(file, problem.getMessage(), problem);
                }
            }
            if (out.isEmpty()) throw new WeightsException(file, "an empty archive: no arrays");
            return out;
        } catch (ZipException e) {
            throw new WeightsException(file, "truncated or corrupt .npz: not a readable zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new WeightsException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A folder of NAME.npy files, in name order (a folder has no order of its own). */
    static Map<String, Tensor> readFolder(Path folder) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (var files = java.nio.file.Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".npy")).sorted().toList()) {
                String name = f.getFileName().toString();
                try {
                    byte[] bytes = java.nio.file.Files.readAllBytes(f);
                    out.put(name.substring(0, name.length() - 4), NpyFormat.parse(ByteBuffer.wrap(bytes), name));
                } catch (IllegalArgumentException problem) {
                    throw new WeightsException(f, problem.getMessage(), problem);
                }
            }
        } catch (IOException e) {
            throw new WeightsException(folder, "cannot read the folder: " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new WeightsException(folder, "a folder without .npy files");
        return out;
    }
}
