package dev.nnsh.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes a compiled class refers to, read from its constant pool (class entries and the type
 * descriptors of fields, methods and lambdas), so a dependency shows up however the source spelt it:
 * an import, a fully qualified name, or a type only used in a signature.
 */
final class ClassReferences {
    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+);");

    private ClassReferences() {}

    /** Internal names ({@code dev/nnsh/nn/Module}) that {@code classFile} refers to. */
    static Set<String> of(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) throw new IOException(classFile + " is not a class file");
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNameIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> { in.readLong(); i++; }
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            Set<String> out = new TreeSet<>();
            for (int index : classNameIndexes) {
                String name = utf8[index].startsWith("[") ? descriptorClass(utf8[index]) : utf8[index];
                if (name != null) out.add(name);
            }
            for (String s : utf8) {
                if (s == null) continue;
                Matcher m = IN_DESCRIPTOR.matcher(s);
                while (m.find()) out.add(m.group(1));
            }
            return out;
        }
    }

    private static String descriptorClass(String arrayName) {
        Matcher m = IN_DESCRIPTOR.matcher(arrayName);
        return m.find() ? m.group(1) : null;
    }

    /** Every .class file below a directory. */
    static List<Path> classFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }
}
