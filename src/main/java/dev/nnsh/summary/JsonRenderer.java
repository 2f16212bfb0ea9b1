package dev.nnsh.summary;

import java.util.IdentityHashMap;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * {@link ModelStatistics#toJson()}: figures as JSON numbers, never formatted strings. {@code layers} has
 * one object per row (hidden rows too, with {@code visible: false}); {@code totals} and {@code options}
 * follow. Keys are snake_case like torchinfo's option names.
 */
final class JsonRenderer {
    private JsonRenderer() {}

    static String render(ModelStatistics stats) {
        TableFormat format = stats.format();
        Map<LayerInfo, VisibleRows.Row> visible = new IdentityHashMap<>();
        for (VisibleRows.Row row : VisibleRows.of(stats)) visible.put(row.info(), row);
        JsonArray layers = new JsonArray();
        for (int i = 0; i < stats.layers().size(); i++) {
            LayerInfo row = stats.layers().get(i);
            boolean atLimit = row.depth() == format.maxDepth();
            JsonObject o = new JsonObject();
            o.addProperty("row", i);
            o.addProperty("depth", row.depth());
            o.addProperty("depth_index", row.depthIndex());
            o.addProperty("var_name", row.varName());
            o.addProperty("path", row.path());
            o.addProperty("type", row.typeName());
            o.add("input_shape", shape(row.inputShape()));
            o.add("output_shape", shape(row.outputShape()));
            o.addProperty("params", row.numParams());
            o.addProperty("trainable_params", row.trainableParams());
            o.addProperty("shown_params", VisibleRows.shownParams(row, atLimit));
            o.addProperty("param_bytes", row.paramBytes());
            o.addProperty("mult_adds", row.multAdds());
            o.addProperty("output_bytes", row.outputBytes());
            o.addProperty("recursive", row.isRecursive());
            o.addProperty("leaf", row.isLeaf());
            o.addProperty("executed", row.executed());
            o.addProperty("visible", visible.containsKey(row));
            if (row.kernelSize() != null) o.addProperty("kernel_size", row.kernelSize());
            if (row.groups() != null) o.addProperty("groups", row.groups());
            layers.add(o);
        }
        JsonObject totals = new JsonObject();
        totals.addProperty("total_params", stats.totalParams());
        totals.addProperty("trainable_params", stats.trainableParams());
        totals.addProperty("non_trainable_params", stats.nonTrainableParams());
        totals.addProperty("total_mult_adds", stats.totalMultAdds());
        totals.addProperty("input_bytes", stats.inputBytes());
        totals.addProperty("forward_backward_bytes", stats.forwardBackwardBytes());
        totals.addProperty("param_bytes", stats.paramBytes());
        totals.addProperty("total_bytes", stats.totalBytes());
        JsonObject options = new JsonObject();
        JsonArray columns = new JsonArray();
        for (Column c : format.columns()) columns.add(c.key());
        options.add("columns", columns);
        options.addProperty("col_width", format.colWidth());
        options.addProperty("depth", format.maxDepth());
        JsonArray settings = new JsonArray();
        for (RowSetting s : RowSetting.values()) if (format.has(s)) settings.add(s.key());
        options.add("row_settings", settings);
        options.addProperty("verbose", format.verbose());
        options.addProperty("forward_pass", format.hasInput());
        JsonObject root = new JsonObject();
        root.add("layers", layers);
        root.add("totals", totals);
        root.add("options", options);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonElement shape(long[] shape) {
        if (shape == null) return JsonNull.INSTANCE;
        JsonArray a = new JsonArray();
        for (long d : shape) a.add(d);
        return a;
    }
}
