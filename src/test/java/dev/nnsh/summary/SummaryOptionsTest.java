package dev.nnsh.summary;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static dev.nnsh.summary.Lines.join;
import static dev.nnsh.summary.Lines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import dev.nnsh.testnets.LeNet5;
import dev.nnsh.testnets.SeedVGG11;
import org.junit.jupiter.api.Test;

/** Each option of summary(...), and the errors for bad values. */
class SummaryOptionsTest {
    @Test void columnsInTheUsersOrderByNameOrEnumWithColWidth() {
        String byEnum = summary(new LeNet5(), options().inputSize(1, 1, 32, 32).depth(1)
                .columns(Column.NUM_PARAMS, Column.OUTPUT_SIZE).colWidth(12).verbose(0)).toString();
        String byName = summary(new LeNet5(), options().inputSize(1, 1, 32, 32).depth(1)
                .columns("num_params", "output_size").colWidth(12).verbose(0)).toString();
        assertEquals(byEnum, byName);
        String d = "=".repeat(64);
        assertEquals(join(d,
                row(40, 12, "Layer (type:depth-idx)", "Param #", "Output Shape"),
                d,
                row(40, 12, "LeNet5", "--", "[1, 10]"),
                row(40, 12, "├─Sequential: 1-1", "2,572", "[1, 16, 5, 5]"),
                row(40, 12, "├─Sequential: 1-2", "59,134", "[1, 10]"),
                d), SummaryRowsTest.firstLines(byEnum, 7));
    }

    @Test void allColumns() {
        String table = summary(new LeNet5(), options().inputSize(1, 1, 32, 32)
                .columns("input_size", "output_size", "num_params", "params_percent", "kernel_size", "groups", "mult_adds", "trainable")
                .verbose(0)).toString();
        String[] lines = table.split("\n");
        assertEquals(240, lines[0].length());
        assertEquals(row("Layer (type:depth-idx)", "Input Shape", "Output Shape", "Param #", "Param %", "Kernel Shape",
                "Groups", "Mult-Adds", "Trainable"), lines[1]);
        assertEquals(row("│    └─Conv2d: 2-1", "[1, 1, 32, 32]", "[1, 6, 28, 28]", "156", "  0.25%", "[5, 5]", "1", "122,304", "True"), lines[5]);
        assertEquals(row("│    └─MaxPool2d: 2-3", "[1, 6, 28, 28]", "[1, 6, 14, 14]", "--", "     --", "2", "--", "--", "--"), lines[7]);
        assertEquals(row("│    └─Linear: 2-8", "[1, 400]", "[1, 120]", "48,120", " 77.98%", "--", "--", "48,120", "True"), lines[13]);
    }

    @Test void multipleInputsWithDtypes() {
        var stats = summary(new TestNets.TwoInputNet(), options().inputSize(2, 3).inputSize(2, 5)
                .dtypes(DType.FLOAT32, DType.INT64).columns("input_size", "output_size", "num_params").verbose(0));
        String d = "=".repeat(115);
        assertEquals(join(d,
                row("Layer (type:depth-idx)", "Input Shape", "Output Shape", "Param #"),
                d,
                row("TwoInputNet", "[2, 3]", "[2, 2]", "--"),
                row("├─Linear: 1-1", "[2, 3]", "[2, 2]", "8"),
                row("├─Linear: 1-2", "[2, 5]", "[2, 2]", "12"),
                d,
                "Total params: 20",
                "Trainable params: 20",
                "Non-trainable params: 0",
                "Total mult-adds: 40",
                d,
                "Input size: 104",
                "Forward/backward pass size: 64",
                "Params size: 80",
                "Estimated Total Size: 248",
                d), stats.toString());
        var real = summary(new TestNets.TwoInputNet(), options().inputSize(2, 3).inputSize(2, 5)
                .dtypes(DType.FLOAT32, DType.INT64).columns("input_size", "output_size", "num_params").realForward(true).verbose(0));
        assertEquals(stats.toString(), real.toString());
        var data = summary(new TestNets.TwoInputNet(), options().inputData(Tensor.rand(2, 3), Tensor.zeros(DType.INT64, 2, 5))
                .columns("input_size", "output_size", "num_params").verbose(0));
        assertEquals(stats.toString(), data.toString());
    }

    @Test void batchDimInsertsABatchOfOne() {
        var stats = summary(new LeNet5(), options().inputSize(1, 32, 32).batchDim(0).verbose(0));
        Golden.assertMatches("lenet5.out", stats.toString(), 1);
    }

    @Test void shapeOnlyAndRealPassesGiveTheSameTable() {
        var shapeOnly = summary(new SeedVGG11(), options().inputSize(1, 1, 224, 224).verbose(0)
                .columns("input_size", "output_size", "num_params", "mult_adds", "trainable"));
        var net = new SeedVGG11();
        var real = summary(net, options().inputSize(1, 1, 224, 224).realForward(true).verbose(0)
                .columns("input_size", "output_size", "num_params", "mult_adds", "trainable"));
        assertEquals(shapeOnly.toString(), real.toString());
        assertTrue(net.parameters().stream().allMatch(Parameter::isMaterialized), "the real pass used the weights");
    }

    @Test void modeTrainEvalAndSameAreAppliedAndEveryModuleIsRestored() {
        var net = new TestNets.ProbedNet();
        net.train();
        net.fc.eval();
        summary(net, options().inputSize(1, 4).mode("eval").verbose(0));
        assertFalse(net.probe.sawTraining);
        assertTrue(net.isTraining() && net.probe.isTraining() && !net.fc.isTraining(), "modes restored one by one");
        net.eval();
        summary(net, options().inputSize(1, 4).mode("train").verbose(0));
        assertTrue(net.probe.sawTraining);
        assertFalse(net.isTraining() || net.probe.isTraining() || net.fc.isTraining());
        summary(net, options().inputSize(1, 4).verbose(0));
        assertFalse(net.probe.sawTraining, "default mode is same: the network's own mode");
        net.train();
        summary(net, options().inputSize(1, 4).mode(SummaryOptions.Mode.SAME).verbose(0));
        assertTrue(net.probe.sawTraining);
    }

    @Test void verboseZeroPrintsNothingAndOnePrintsTheTable() {
        assertEquals("", printed(() -> summary(new LeNet5(), options().inputSize(1, 1, 32, 32).verbose(0))));
        String[] holder = new String[1];
        String out = printed(() -> {
            var s = summary(new LeNet5(), 1, 1, 32, 32);
            holder[0] = s.toString();
            return s;
        });
        assertEquals(holder[0] + System.lineSeparator(), out);
        Golden.assertMatches("lenet5.out", out.stripTrailing(), 1);
    }

    @Test void withoutInputOnlyParamCountsAreShown() {
        var stats = summary(new LeNet5(), options().verbose(0));
        String d = "=".repeat(65);
        assertEquals(join(d,
                row("Layer (type:depth-idx)", "Param #"),
                d,
                row("LeNet5", "--"),
                row("├─Sequential: 1-1", "--"),
                row("│    └─Conv2d: 2-1", "156"),
                row("│    └─ReLU: 2-2", "--"),
                row("│    └─MaxPool2d: 2-3", "--"),
                row("│    └─Conv2d: 2-4", "2,416"),
                row("│    └─ReLU: 2-5", "--"),
                row("│    └─MaxPool2d: 2-6", "--"),
                row("├─Sequential: 1-2", "--"),
                row("│    └─Flatten: 2-7", "--"),
                row("│    └─Linear: 2-8", "48,120"),
                row("│    └─ReLU: 2-9", "--"),
                row("│    └─Linear: 2-10", "10,164"),
                row("│    └─ReLU: 2-11", "--"),
                row("│    └─Linear: 2-12", "850"),
                d,
                "Total params: 61,706",
                "Trainable params: 61,706",
                "Non-trainable params: 0",
                d), stats.toString());
        assertEquals(stats.toString(), summary(new LeNet5(), options().verbose(0).columns("num_params")).toString());
    }

    @Test void badOptionValuesNameTheOption() {
        assertMessage("columns", () -> options().columns("output_size", "params"));
        assertMessage("depth", () -> options().depth(-1));
        assertMessage("colWidth", () -> options().colWidth(0));
        assertMessage("inputSize", () -> options().inputSize(12, 0, 224, 224));
        assertMessage("verbose", () -> options().verbose(3));
        assertMessage("mode", () -> options().mode("training"));
        assertMessage("rowSettings", () -> options().rowSettings("depth", "colour"));
        assertMessage("batchDim", () -> options().batchDim(-1));
        Module net = new LeNet5();
        assertMessage("inputSize/inputData", () -> summary(net, options().inputSize(1, 1, 32, 32).inputData(Tensor.rand(1, 1, 32, 32))));
        assertMessage("columns", () -> summary(net, options().columns("output_size")));
        assertMessage("dtypes", () -> summary(net, options().inputSize(1, 1, 32, 32).dtypes(DType.FLOAT32, DType.INT64)));
        assertMessage("batchDim", () -> summary(net, options().inputSize(1, 32, 32).batchDim(4)));
        assertMessage("inputSize", () -> summary(net, 1, -1, 32, 32));
    }

    private static void assertMessage(String option, Runnable action) {
        var e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(option + ":"), "message should name " + option + ": " + e.getMessage());
    }

    private static String printed(Supplier<?> action) {
        var out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setOut(previous);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
