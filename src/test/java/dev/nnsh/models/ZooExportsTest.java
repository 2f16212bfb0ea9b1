package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.nnsh.Nnsh;
import dev.nnsh.nn.Module;
import dev.nnsh.summary.LayerInfo;
import dev.nnsh.summary.ModelStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** toJson() of every zoo model's summary, parsed back with Gson, holds exactly the statistics' figures, as numbers. */
class ZooExportsTest {
    static Stream<Arguments> models() { return ZooStructureTest.models(); }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void jsonRoundTripGivesEveryFigure(String name, Supplier<? extends Module> factory, long total) {
        long[] size = name.equals("lenet5") ? new long[]{1, 1, 32, 32} : new long[]{1, 3, 224, 224};
        ModelStatistics stats = Nnsh.summary(factory.get(), Nnsh.options().inputSize(size).verbose(0)
                .columns("input_size", "output_size", "num_params", "mult_adds"));
        JsonObject root = JsonParser.parseString(stats.toJson()).getAsJsonObject();

        JsonObject totals = root.getAsJsonObject("totals");
        assertEquals(total, number(totals, "total_params"));
        assertEquals(stats.totalParams(), number(totals, "total_params"));
        assertEquals(stats.trainableParams(), number(totals, "trainable_params"));
        assertEquals(stats.nonTrainableParams(), number(totals, "non_trainable_params"));
        assertEquals(stats.totalMultAdds(), number(totals, "total_mult_adds"));
        assertEquals(stats.inputBytes(), number(totals, "input_bytes"));
        assertEquals(stats.forwardBackwardBytes(), number(totals, "forward_backward_bytes"));
        assertEquals(stats.paramBytes(), number(totals, "param_bytes"));
        assertEquals(stats.totalBytes(), number(totals, "total_bytes"));

        JsonObject options = root.getAsJsonObject("options");
        assertEquals(3, number(options, "depth"));
        assertEquals(List.of("input_size", "output_size", "num_params", "mult_adds"),
                options.getAsJsonArray("columns").asList().stream().map(JsonElement::getAsString).toList());

        JsonArray layers = root.getAsJsonArray("layers");
        assertEquals(stats.layers().size(), layers.size());
        for (int i = 0; i < layers.size(); i++) {
            LayerInfo row = stats.layers().get(i);
            JsonObject o = layers.get(i).getAsJsonObject();
            String where = name + " row " + i + " (" + row.path() + ")";
            assertEquals(row.depth(), number(o, "depth"), where);
            assertEquals(row.depthIndex(), number(o, "depth_index"), where);
            assertEquals(row.varName(), o.get("var_name").getAsString(), where);
            assertEquals(row.path(), o.get("path").getAsString(), where);
            assertEquals(row.typeName(), o.get("type").getAsString(), where);
            assertArrayEquals(row.inputShape(), shape(o.get("input_shape")), where);
            assertArrayEquals(row.outputShape(), shape(o.get("output_shape")), where);
            assertEquals(row.numParams(), number(o, "params"), where);
            assertEquals(row.trainableParams(), number(o, "trainable_params"), where);
            assertEquals(row.multAdds(), number(o, "mult_adds"), where);
            assertEquals(row.outputBytes(), number(o, "output_bytes"), where);
            assertEquals(row.isRecursive(), o.get("recursive").getAsBoolean(), where);
            assertEquals(row.depth() <= 3, o.get("visible").getAsBoolean(), where);
        }
    }

    /** The value as a long, failing when it is not a JSON number (a formatted "1,234" string would be). */
    private static long number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        assertNotNull(e, "missing " + key);
        assertTrue(e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber(), key + " is not a number: " + e);
        return e.getAsLong();
    }

    private static long[] shape(JsonElement e) {
        if (e.isJsonNull()) return null;
        return e.getAsJsonArray().asList().stream().mapToLong(JsonElement::getAsLong).toArray();
    }
}
