package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.nnsh.Nnsh;
import dev.nnsh.nn.Module;
import dev.nnsh.summary.ModelStatistics;
import dev.nnsh.summary.SummaryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each zoo model's summary is line for line the table torchinfo prints for the torchvision model
 * (fixtures in src/test/resources/zoo, made by tools/generate_zoo_fixtures.py; the Input size line
 * there is nnsh's real input bytes).
 */
class ZooSummaryTest {
    static Stream<Arguments> models() {
        return ZooStructureTest.models();
    }

    private static long[] inputSize(String name) {
        return name.equals("lenet5") ? new long[]{1, 1, 32, 32} : new long[]{1, 3, 224, 224};
    }

    /** The table without its final line break (fixtures end with one; toString may not). */
    private static String table(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static ModelStatistics summarize(Module net, SummaryOptions options) {
        return Nnsh.summary(net, options.verbose(0));
    }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void depth3(String name, Supplier<? extends Module> factory, long total) {
        ModelStatistics stats = summarize(factory.get(), Nnsh.options().inputSize(inputSize(name)));
        assertEquals(table(ZooStructureTest.resource(name + ".depth3.out")), table(stats.toString()));
        assertEquals(total, stats.totalParams());
        assertEquals(total, stats.trainableParams());
    }

    @ParameterizedTest(name = "{0}") @MethodSource("models")
    void depth1(String name, Supplier<? extends Module> factory, long total) {
        ModelStatistics stats = summarize(factory.get(), Nnsh.options().inputSize(inputSize(name)).depth(1));
        assertEquals(table(ZooStructureTest.resource(name + ".depth1.out")), table(stats.toString()));
        assertEquals(total, stats.totalParams());
    }

    @Test void resnet18AllColumnsWithVarNames() {
        ModelStatistics stats = summarize(Models.resnet18(), Nnsh.options().inputSize(1, 3, 224, 224)
                .columns("input_size", "output_size", "num_params", "params_percent", "kernel_size",
                        "mult_adds", "trainable")
                .rowSettings("depth", "var_names"));
        assertEquals(table(ZooStructureTest.resource("resnet18.all-columns.out")), table(stats.toString()));
    }
}
