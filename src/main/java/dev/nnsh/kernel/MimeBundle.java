package dev.nnsh.kernel;

import dev.nnsh.tensor.Tensor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value's renderings by MIME type, by convention rather than by interface (so any class can take
 * part without depending on the kernel): a public no-arg {@code toHtml()}, {@code toSvg()} or
 * {@code toMarkdown()} returning a String gives text/html, image/svg+xml or text/markdown; a
 * {@link Tensor} gets a compact HTML table; text/plain is always there.
 */
final class MimeBundle {
    private static final Map<String, String> RENDERERS = Map.of(
            "text/html", "toHtml", "image/svg+xml", "toSvg", "text/markdown", "toMarkdown");

    private MimeBundle() {}

    static Map<String, String> of(Object value) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", String.valueOf(value));
        if (value == null) return bundle;
        if (value instanceof Tensor t) bundle.put("text/html", TensorHtml.of(t));
        for (String mime : new String[] {"text/html", "image/svg+xml", "text/markdown"}) {
            String rendered = render(value, RENDERERS.get(mime));
            if (rendered != null) bundle.put(mime, rendered);
        }
        return bundle;
    }

    static Map<String, String> as(Object value, String mime) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value instanceof CharSequence text) {
            bundle.put("text/plain", text.toString());
            bundle.put(mime, text.toString());
            return bundle;
        }
        Map<String, String> all = of(value);
        bundle.put("text/plain", all.get("text/plain"));
        if (all.containsKey(mime)) bundle.put(mime, all.get(mime));
        return bundle;
    }

    /** The value's own rendering, or null when it has none (or it failed: the plain text still shows). */
    private static String render(Object value, String methodName) {
        try {
            Method m = value.getClass().getMethod(methodName);
            if (m.getReturnType() != String.class || Modifier.isStatic(m.getModifiers())) return null;
            m.setAccessible(true); // a public method of a class JShell declared in a non-public wrapper
            return (String) m.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
