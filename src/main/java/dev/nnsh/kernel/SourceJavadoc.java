package dev.nnsh.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Javadoc of nnsh's own API, read from the checkout's sources: JShell reads Javadoc only from
 * the JDK's src.zip. Given a signature as JShell prints it ({@code Tensor Tensor.select(int dim, long index)},
 * {@code dev.nnsh.tensor.Tensor}), finds its declaring class's file under src/main/java and returns
 * the text of the {@code /** ... *}{@code /} block just above the matching declaration.
 */
final class SourceJavadoc {
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)");

    private final Path root;

    SourceJavadoc(Path root) {
        this.root = root;
    }

    /** The sources of the checkout these classes were loaded from; empty when not run from one. */
    static Optional<SourceJavadoc> ofCheckout() {
        try {
            Path p = Path.of(SourceJavadoc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (int up = 0; p != null && up < 4; up++, p = p.getParent()) {
                Path sources = p.resolve("src/main/java");
                if (Files.isDirectory(sources.resolve("dev/nnsh"))) return Optional.of(new SourceJavadoc(sources));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source or not a file: signatures only
        }
        return Optional.empty();
    }

    /** The Javadoc text of what the signature names ({@code {@code x}} as {@code x}); null when none is found. */
    String javadoc(String signature) {
        int paren = signature.indexOf('(');
        String head = (paren < 0 ? signature : signature.substring(0, paren)).strip();
        String qualified = head.substring(head.lastIndexOf(' ') + 1);
        List<String> parts = List.of(qualified.split("\\."));
        List<String> wanted = paren < 0 ? null : parameters(signature.substring(paren + 1, closing(signature, paren)));
        String member = paren < 0 ? null : parts.get(parts.size() - 1);
        List<String> owner = paren < 0 || isConstructor(head, parts) ? parts : parts.subList(0, parts.size() - 1);
        int top = firstTypeName(owner);
        if (top < 0) return null;
        String typeName = owner.get(owner.size() - 1);
        for (Path file : files(owner.subList(0, top), owner.get(top))) {
            String found = find(read(file), typeName, member, wanted);
            if (found != null) return inlineTags(found);
        }
        return null;
    }

    /** {@code dev.nnsh.nn.Linear(int in, int out)}: no return type before the name. */
    private static boolean isConstructor(String head, List<String> parts) {
        return !head.contains(" ") && Character.isUpperCase(parts.get(parts.size() - 1).charAt(0));
    }

    private static int firstTypeName(List<String> parts) {
        for (int i = 0; i < parts.size(); i++) if (!parts.get(i).isEmpty() && Character.isUpperCase(parts.get(i).charAt(0))) return i;
        return -1;
    }

    private List<Path> files(List<String> packages, String topLevel) {
        String name = topLevel + ".java";
        if (!packages.isEmpty()) {
            Path file = root.resolve(String.join("/", packages)).resolve(name);
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(f -> f.getFileName().toString().equals(name)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comment above the declaration of the type (member null) or of its member with these parameters. */
    private static String find(String source, String typeName, String member, List<String> wanted) {
        Matcher comment = COMMENT.matcher(source);
        while (comment.find()) {
            String declaration = declarationAfter(source, comment.end());
            if (member == null) {
                Matcher type = TYPE_DECLARATION.matcher(declaration);
                if (type.find() && type.group(1).equals(typeName)) return comment.group(1);
                continue;
            }
            Matcher name = Pattern.compile("(?<![\\w.])" + Pattern.quote(member) + "\\s*\\(").matcher(declaration);
            if (name.find() && !TYPE_DECLARATION.matcher(declaration.substring(0, name.start())).find()) {
                int open = name.end() - 1;
                if (parameters(declaration.substring(open + 1, closing(declaration, open))).equals(wanted)) return comment.group(1);
            }
        }
        return null;
    }

    /** The code from a comment's end to the body or the semicolon that ends its declaration. */
    private static String declarationAfter(String source, int from) {
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && (c == '{' || c == ';')) return source.substring(from, i);
        }
        return source.substring(from);
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') depth++;
            else if (text.charAt(i) == ')' && --depth == 0) return i;
        }
        return text.length();
    }

    /** Each parameter as "Type name" with packages, generics, annotations and modifiers left out. */
    static List<String> parameters(String list) {
        List<String> out = new ArrayList<>();
        String flat = list.replaceAll("@\\w+(\\.\\w+)*", " ").replaceAll("\\bfinal\\b", " ");
        StringBuilder plain = new StringBuilder();
        int generics = 0;
        for (char c : flat.toCharArray()) {
            if (c == '<') generics++;
            else if (c == '>') generics--;
            else if (generics == 0) plain.append(c);
        }
        for (String p : plain.toString().split(",")) {
            String[] words = p.strip().split("\\s+");
            if (words.length < 2) continue;
            String type = String.join("", List.of(words).subList(0, words.length - 1));
            out.add(type.substring(type.lastIndexOf('.', type.endsWith("...") ? type.length() - 4 : type.length()) + 1)
                    + " " + words[words.length - 1]);
        }
        return out;
    }

    /** The comment's text without its leading stars; {@code {@code x}} and {@code {@link x}} as x. */
    private static String inlineTags(String comment) {
        String text = comment.replaceAll("(?m)^\\s*\\*", " ");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{@", i)) {
                int start = text.indexOf(' ', i);
                int depth = 0, end = i;
                for (; end < text.length(); end++) {
                    if (text.charAt(end) == '{') depth++;
                    else if (text.charAt(end) == '}' && --depth == 0) break;
                }
                if (start > 0 && start < end) out.append(text, start + 1, end);
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        String body = out.toString();
        Matcher blockTag = Pattern.compile("(?m)^\\s*@\\w+").matcher(body);
        if (blockTag.find()) body = body.substring(0, blockTag.start());
        return body.strip();
    }
}
