package dev.nnsh.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code Models.list()} returns: every zoo model's torchvision name, factory and parameter count; prints as a table. */
public final class ZooListing {
    private final Map<String, Long> params = new LinkedHashMap<>();

    ZooListing() {
        for (String name : ZooCatalog.NAMES) params.put(name, ZooCatalog.build(name).numParams());
    }

    public List<String> names() { return List.copyOf(params.keySet()); }

    /** The parameter count of a model (with its default number of classes). */
    public long params(String name) {
        Long n = params.get(name);
        if (n == null) throw new IllegalArgumentException("Models.list(): no model named \"" + name + "\"");
        return n;
    }

    /** The Models factory that builds it ({@code efficientnet_b0} → {@code efficientnetB0}). */
    public String factory(String name) {
        params(name);
        return ZooCatalog.factoryName(name);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%-20s %-22s %15s%n", "torchvision name", "Models factory", "params"));
        for (var e : params.entrySet()) {
            sb.append(String.format("%-20s %-22s %,15d%n", e.getKey(), ZooCatalog.factoryName(e.getKey()) + "()", e.getValue()));
        }
        return sb.append(params.size()).append(" models; Models.get(\"name\") builds one").toString();
    }
}
