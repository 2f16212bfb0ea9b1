package dev.nnsh.summary;

import static dev.nnsh.Nnsh.options;
import static dev.nnsh.Nnsh.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Parameter;
import dev.nnsh.testnets.Frozen;
import dev.nnsh.testnets.LeNet5;
import dev.nnsh.testnets.RecursiveNet;
import dev.nnsh.testnets.SeedVGG11;
import org.junit.jupiter.api.Test;

/** Failures inside the pass, the name-column widening rule, the Param # invariant, and a huge batch. */
class SummaryErrorsAndScaleTest {
    @Test void shapeMismatchNamesTheLayerShapesAndTheLayersExecutedBeforeIt() {
        var net = new LeNet5();
        net.eval();
        var e = assertThrows(SummaryException.class, () -> summary(net, options().inputSize(1, 1, 28, 28).mode("train").verbose(0)));
        String m = e.getMessage();
        assertTrue(m.startsWith("Failed to run summary on LeNet5: classifier.1 (Linear): "), m);
        assertTrue(m.contains("400") && m.contains("[1, 256]"), "expected and actual shapes: " + m);
        assertTrue(m.endsWith("Executed layers up to: [Sequential: 1, Conv2d: 2, ReLU: 2, MaxPool2d: 2, Conv2d: 2, ReLU: 2, MaxPool2d: 2, Flatten: 2]"), m);
        assertEquals("classifier.1", e.layerPath());
        assertEquals("Linear", e.layerType());
        assertEquals(8, e.executedLayers().size());
        assertFalse(net.isTraining(), "mode restored after the failure");
    }

    @Test void failureInTheFirstLayer() {
        var e = assertThrows(SummaryException.class, () -> summary(new SeedVGG11(), options().inputSize(2, 3, 224, 224).verbose(0)));
        assertTrue(e.getMessage().contains("conv1 (Conv2d)") && e.getMessage().contains("[2, 3, 224, 224]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Executed layers up to: []"), e.getMessage());
    }

    @Test void nameColumnIsFortyUntilTheLongestNameNeedsMore() {
        // m = name length + 5·depth + 1; W = 40 while m < 40, else m rounded up to a multiple of 5
        assertEquals(40 + 50, dividerLength(TestNets.named("X".repeat(38), null)));   // m = 39
        assertEquals(40 + 50, dividerLength(TestNets.named("X".repeat(39), null)));   // m = 40
        assertEquals(45 + 50, dividerLength(TestNets.named("X".repeat(40), null)));   // m = 41
        assertEquals(45 + 50, dividerLength(TestNets.named("X".repeat(44), null)));   // m = 45
        assertEquals(50 + 50, dividerLength(TestNets.named("X".repeat(45), null)));   // m = 46
    }

    @Test void hiddenRowsWidenTheNameColumnToo() {
        // depth-1 row "YYY…: 1-1": 35 + 5 + 5 + 1 = 46 → 50, though depth 0 hides it
        var net = TestNets.named("Root", TestNets.named("Y".repeat(35), new Linear(2, 2)));
        String table = summary(net, options().inputSize(1, 2).depth(0).verbose(0)).toString();
        assertEquals(100, table.indexOf('\n'));
        assertEquals(Lines.row(50, 25, "Root", "[1, 2]", "6"), table.split("\n")[3]);
    }

    private static int dividerLength(dev.nnsh.nn.Module net) {
        String table = summary(net, options().inputSize(1, 2).verbose(0)).toString();
        return table.indexOf('\n');
    }

    @Test void visibleParamCountsAddUpToTotalParams() {
        assertInvariant(summary(new SeedVGG11(), options().inputSize(12, 1, 224, 224).verbose(0)));
        for (int depth = 0; depth <= 3; depth++) {
            assertInvariant(summary(new LeNet5(), options().inputSize(1, 1, 32, 32).depth(depth).verbose(0)));
        }
        assertInvariant(summary(new Frozen(), options().inputSize(4, 128).verbose(0)));
        assertInvariant(summary(new RecursiveNet(), options().inputSize(1, 64, 28, 28).verbose(0)));
        assertInvariant(summary(new TestNets.NeverCalledNet(), options().inputSize(2, 4).verbose(0)));
        assertInvariant(summary(new TestNets.GrandparentCallNet(), options().inputSize(2, 4).verbose(0)));
        assertInvariant(summary(new TestNets.PartlyFrozenNet(), options().inputSize(3, 4).depth(1).verbose(0)));
        assertInvariant(summary(new TestNets.OwnParameterNet(), options().inputSize(2, 3).verbose(0)));
        assertInvariant(summary(new LeNet5(), options().verbose(0)));
    }

    private static void assertInvariant(ModelStatistics stats) {
        String[] lines = stats.toString().split("\n");
        int column = lines[1].indexOf("Param #");
        long sum = 0;
        List<String> cells = new ArrayList<>();
        for (int i = 3; !lines[i].startsWith("="); i++) {
            String cell = lines[i].length() > column ? lines[i].substring(column).split(" ")[0] : "";
            cells.add(cell);
            if (cell.matches("\\(?[\\d,]+\\)?")) sum += Long.parseLong(cell.replaceAll("[(),]", ""));
        }
        assertEquals(stats.totalParams(), sum, "Param # cells " + cells + " should add up to Total params");
    }

    @Test void aHundredThousandImagesCostNothingAndGiveTerabyteEstimates() {
        var net = new SeedVGG11();
        var stats = summary(net, options().inputSize(100000, 1, 224, 224).verbose(0));
        assertTrue(net.parameters().stream().noneMatch(Parameter::isMaterialized), "no parameter materialised");
        assertEquals(100000L * 224 * 224 * 4, stats.inputBytes());
        // per image: conv outputs 64·224² + 128·112² + 2·256·56² + 2·512·28² + 2·512·14², linear 4096+4096+1000 floats, ×4 bytes ×2
        long perImage = (64L * 224 * 224 + 128L * 112 * 112 + 2L * 256 * 56 * 56 + 2L * 512 * 28 * 28 + 2L * 512 * 14 * 14 + 4096 + 4096 + 1000) * 4 * 2;
        assertEquals(100000L * perImage, stats.forwardBackwardBytes());
        assertEquals(755_872_253_600_000L, stats.totalMultAdds());
        String table = stats.toString();
        assertTrue(table.contains("\nTotal mult-adds (T): 755.87\n"), table);
        assertTrue(table.contains("\nInput size (GB): 20.07\n"), table);
        assertTrue(table.contains("\nForward/backward pass size (TB): 5.95\n"), table);
        assertTrue(table.contains("\nEstimated Total Size (TB): 5.97\n"), table);
    }
}
