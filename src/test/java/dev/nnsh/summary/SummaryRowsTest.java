package dev.nnsh.summary;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static dev.nnsh.summary.Lines.join;
import static dev.nnsh.summary.Lines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnsh.testnets.Frozen;
import dev.nnsh.testnets.LeNet5;
import dev.nnsh.testnets.RecursiveNet;
import org.junit.jupiter.api.Test;

/** Row rules: never-called modules, depth limit, frozen parts, recursion, verbose sub-rows, name cells. */
class SummaryRowsTest {
    private static final String D90 = "=".repeat(90);
    private static final String HEADER = row("Layer (type:depth-idx)", "Output Shape", "Param #");

    @Test void neverCalledListIsInsertedAndNeverCalledLayerCountsOnlyInTotals() {
        var stats = summary(new TestNets.NeverCalledNet(), options().inputSize(2, 4).verbose(0));
        assertEquals(join(D90, HEADER, D90,
                row("NeverCalledNet", "[2, 2]", "9"),
                row("├─ModuleList: 1-1", "--", "--"),
                row("│    └─Linear: 2-1", "[2, 8]", "40"),
                row("│    └─Linear: 2-2", "[2, 2]", "18"),
                D90,
                "Total params: 67",
                "Trainable params: 67",
                "Non-trainable params: 0",
                "Total mult-adds: 116",
                D90,
                "Input size: 32",
                "Forward/backward pass size: 160",
                "Params size: 268",
                "Estimated Total Size: 460",
                D90), stats.toString());
        assertFalse(stats.layers().get(1).executed());
        assertTrue(stats.layers().get(2).executed());
    }

    @Test void moduleCalledFromItsGrandparentKeepsItsTreeDepthAndVarName() {
        var stats = summary(new TestNets.GrandparentCallNet(), options().inputSize(2, 4).rowSettings("var_names", "depth").verbose(0));
        String header = row("Layer (type (var_name):depth-idx)", "Output Shape", "Param #");
        assertEquals(join(D90, header, D90,
                row("GrandparentCallNet (GrandparentCallNet)", "[2, 4]", "--"),
                row("├─Sequential (features): 1-1", "--", "--"),
                row("│    └─Linear (0): 2-1", "[2, 4]", "20"),
                D90,
                "Total params: 20",
                "Trainable params: 20",
                "Non-trainable params: 0",
                "Total mult-adds: 40",
                D90,
                "Input size: 32",
                "Forward/backward pass size: 64",
                "Params size: 80",
                "Estimated Total Size: 176",
                D90), stats.toString());
        assertEquals("features.0", stats.layers().get(2).path());
    }

    @Test void containersAtTheDepthLimitShowTheirWholeSubtree() {
        var stats = summary(new LeNet5(), options().inputSize(1, 1, 32, 32).depth(1)
                .columns("output_size", "num_params", "mult_adds").verbose(0));
        String d = "=".repeat(115);
        assertEquals(join(d,
                row("Layer (type:depth-idx)", "Output Shape", "Param #", "Mult-Adds"),
                d,
                row("LeNet5", "[1, 10]", "--", "--"),
                row("├─Sequential: 1-1", "[1, 16, 5, 5]", "2,572", "363,904"),
                row("├─Sequential: 1-2", "[1, 10]", "59,134", "59,134"),
                d,
                "Total params: 61,706",
                "Trainable params: 61,706",
                "Non-trainable params: 0",
                "Total mult-adds (k): 423.04",
                d,
                "Input size (kB): 4.10",
                "Forward/backward pass size (kB): 52.14",
                "Params size (kB): 246.82",
                "Estimated Total Size (kB): 303.06",
                d), stats.toString());
        assertEquals(15, stats.layers().size(), "hidden rows stay in the data");
    }

    @Test void depthZeroShowsTheRootWithEverything() {
        String table = summary(new LeNet5(), options().inputSize(1, 1, 32, 32).depth(0)
                .columns("num_params", "mult_adds").verbose(0)).toString();
        assertTrue(table.contains("\n" + row("LeNet5", "61,706", "423,038") + "\n"), table);
    }

    @Test void partlyFrozenContainerIsPartialAndFrozenLeafIsInParentheses() {
        String d = "=".repeat(90);
        String header = row("Layer (type:depth-idx)", "Param #", "Trainable");
        var deep = summary(new TestNets.PartlyFrozenNet(), options().inputSize(3, 4).columns("num_params", "trainable").verbose(0));
        assertEquals(join(d, header, d,
                row("PartlyFrozenNet", "--", "Partial"),
                row("├─Sequential: 1-1", "--", "Partial"),
                row("│    └─Linear: 2-1", "(20)", "False"),
                row("│    └─Linear: 2-2", "10", "True"),
                d,
                "Total params: 30",
                "Trainable params: 10",
                "Non-trainable params: 20"), firstLines(deep.toString(), 11));
        var limited = summary(new TestNets.PartlyFrozenNet(), options().inputSize(3, 4).depth(1).columns("num_params", "trainable").verbose(0));
        assertTrue(limited.toString().contains("\n" + row("├─Sequential: 1-1", "30", "Partial") + "\n"), limited.toString());
    }

    @Test void fullyFrozenContainerAtTheLimitIsInParentheses() {
        var net = new TestNets.PartlyFrozenNet();
        net.requiresGrad(false);
        String table = summary(net, options().inputSize(3, 4).depth(1).columns("num_params", "trainable").verbose(0)).toString();
        assertTrue(table.contains("\n" + row("PartlyFrozenNet", "--", "False") + "\n"), table);
        assertTrue(table.contains("\n" + row("├─Sequential: 1-1", "(30)", "False") + "\n"), table);
        assertTrue(table.contains("\nTrainable params: 0\nNon-trainable params: 30\n"), table);
    }

    @Test void recursiveRowsShowRecursiveInCountAndPercent() {
        String table = summary(new RecursiveNet(), options().inputSize(1, 64, 28, 28).columns("num_params", "params_percent").verbose(0)).toString();
        String d = "=".repeat(90);
        assertEquals(join(d,
                row("Layer (type:depth-idx)", "Param #", "Param %"),
                d,
                row("RecursiveNet", "--", "     --"),
                row("├─Conv2d: 1-1", "36,928", "100.00%"),
                row("├─Conv2d: 1-2", "(recursive)", "(recursive)"),
                row("├─Conv2d: 1-3", "(recursive)", "(recursive)"),
                d), firstLines(table, 8));
    }

    @Test void hideRecursiveLayersHidesRowsButKeepsTheirCost() {
        var stats = summary(new RecursiveNet(), options().inputSize(1, 64, 28, 28).rowSettings("depth", "hide_recursive_layers").verbose(0));
        String table = stats.toString();
        assertEquals(join(D90, HEADER, D90,
                row("RecursiveNet", "[1, 64, 28, 28]", "--"),
                row("├─Conv2d: 1-1", "[1, 64, 28, 28]", "36,928"),
                D90,
                "Total params: 36,928",
                "Trainable params: 36,928",
                "Non-trainable params: 0",
                "Total mult-adds (M): 86.85"), firstLines(table, 10));
        assertEquals(4, stats.layers().size());
        assertTrue(stats.layers().get(2).isRecursive());
    }

    @Test void verboseTwoListsEachParameterWithWeightDimsSwapped() {
        String table = summary(new Frozen(), options().inputSize(4, 128).columns("kernel_size", "num_params").verbose(0)).toString();
        assertFalse(table.contains("weight"), "verbose 1 has no sub-rows");
        String verbose = summaryText(new Frozen(), options().inputSize(4, 128).columns("kernel_size", "num_params").verbose(2));
        assertEquals(join(D90,
                row("Layer (type:depth-idx)", "Kernel Shape", "Param #"),
                D90,
                row("Frozen", "--", "--"),
                row("├─Linear: 1-1", "--", "(8,256)"),
                row("│    └─weight", "[128, 64]", "├─8,192"),
                row("│    └─bias", "[64]", "└─64"),
                row("├─Linear: 1-2", "--", "650"),
                row("│    └─weight", "[64, 10]", "├─640"),
                row("│    └─bias", "[10]", "└─10"),
                D90), firstLines(verbose, 11));
    }

    @Test void verboseTwoRootListsOnlyItsOwnParameters() {
        String verbose = summaryText(new TestNets.OwnParameterNet(), options().inputSize(2, 3).columns("num_params").verbose(2));
        String d = "=".repeat(65);
        assertEquals(join(d,
                row("Layer (type:depth-idx)", "Param #"),
                d,
                row("OwnParameterNet", "3"),
                row("├─scale", "└─3"),
                row("├─Linear: 1-1", "12"),
                row("│    └─weight", "├─9"),
                row("│    └─bias", "└─3"),
                d,
                "Total params: 15"), firstLines(verbose, 10));
    }

    @Test void asciiOnlyAndVarNames() {
        String table = summary(new LeNet5(), options().inputSize(1, 1, 32, 32).rowSettings("ascii_only", "var_names", "depth").verbose(0)).toString();
        String[] lines = table.split("\n");
        assertEquals(row("Layer (type (var_name):depth-idx)", "Output Shape", "Param #"), lines[1]);
        assertEquals(row("LeNet5 (LeNet5)", "[1, 10]", "--"), lines[3]);
        assertEquals(row("+ Sequential (features): 1-1", "[1, 16, 5, 5]", "--"), lines[4]);
        assertEquals(row("|    + Conv2d (0): 2-1", "[1, 6, 28, 28]", "156"), lines[5]);
        assertEquals(row("|    + Linear (5): 2-12", "[1, 10]", "850"), lines[17]);
        assertFalse(table.contains("├") || table.contains("│") || table.contains("└"));
    }

    @Test void withoutDepthSettingTheNameIsTheTypeOnly() {
        String table = summary(new LeNet5(), options().inputSize(1, 1, 32, 32).rowSettings().verbose(0)).toString();
        String[] lines = table.split("\n");
        assertEquals(row("Layer (type)", "Output Shape", "Param #"), lines[1]);
        assertEquals(row("├─Sequential", "[1, 16, 5, 5]", "--"), lines[4]);
        assertEquals(row("│    └─Conv2d", "[1, 6, 28, 28]", "156"), lines[5]);
    }

    @Test void depthIndexRunsOnAcrossParentsAndCountsHiddenRows() {
        var stats = summary(new LeNet5(), options().inputSize(1, 1, 32, 32).depth(1).verbose(0));
        var layers = stats.layers();
        assertEquals("Sequential", layers.get(8).typeName());
        assertEquals(2, layers.get(8).depthIndex());
        assertEquals(7, layers.get(9).depthIndex(), "Flatten follows the six rows of features at depth 2");
        assertEquals(12, layers.get(14).depthIndex());
    }

    private static String summaryText(dev.nnsh.nn.Module net, SummaryOptions options) {
        var out = new java.io.ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            summary(net, options);
        } finally {
            System.setOut(previous);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String firstLines(String text, int n) {
        return String.join("\n", java.util.Arrays.asList(text.split("\n")).subList(0, n));
    }
}
