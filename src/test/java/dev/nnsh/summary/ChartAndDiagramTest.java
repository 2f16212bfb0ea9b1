package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import dev.nnsh.Nnsh;
import dev.nnsh.models.Models;
import dev.nnsh.testnets.SeedVGG11;
import org.junit.jupiter.api.Test;

class ChartAndDiagramTest {
    private static String line(String chart, String start) {
        return chart.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start + " in\n" + chart));
    }

    @Test void theSeedNetworksFc1HoldsThreeQuartersOfTheParameters() {
        ModelStatistics stats = Nnsh.summary(new SeedVGG11(), Nnsh.options().inputSize(12, 1, 224, 224).verbose(0)
                .rowSettings("var_names"));
        String chart = ParamChart.render(stats, "params");
        // fc1: (25088 + 1)·4096 = 102,764,544 of 132,862,184 = 77.35 %; 40 cells · 0.7735 = 30.94 → 31 full cells (247.5 eighths → 248)
        String fc1 = line(chart, "├─Linear (fc1)");
        assertTrue(fc1.contains("█".repeat(31) + " ") && !fc1.contains("█".repeat(32)), fc1);
        assertTrue(fc1.endsWith("77.35 %"), fc1);
        assertTrue(line(chart, "├─MaxPool2d (max_pool_1)").endsWith("--"), chart);
        assertEquals(17 + 1, chart.lines().count(), chart);
        assertTrue(chart.startsWith("Share of parameters (132,862,184 in all)"), chart);
    }

    @Test void asciiOnlyDrawsHashesAndMultAddsAreAMetric() {
        ModelStatistics stats = Nnsh.summary(new SeedVGG11(), Nnsh.options().inputSize(12, 1, 224, 224).verbose(0)
                .rowSettings("ascii_only", "var_names"));
        String chart = ParamChart.render(stats, "params");
        assertTrue(line(chart, "+ Linear (fc1)").contains("#".repeat(31) + " "), chart);
        assertTrue(chart.chars().allMatch(c -> c < 128), chart);
        // conv4: 590,080·12·56·56 = 22,205,890,560 of 90,701,... mult-adds
        String macs = ParamChart.render(stats, "mult_adds");
        double share = 22_205_890_560.0 / stats.totalMultAdds();
        assertTrue(line(macs, "+ Conv2d (conv4)").endsWith(String.format("%.2f %%", 100 * share)), macs);
        var e = assertThrows(IllegalArgumentException.class, () -> ParamChart.render(stats, "flops"));
        assertTrue(e.getMessage().contains("\"flops\""), e.getMessage());
    }

    @Test void resnetBlocksAreResidualAndItsLayersSkip() {
        Diagram blocks = Nnsh.diagram(Models.resnet18(), 1, 3, 224, 224);
        // depth 2: conv1, bn1, relu, maxpool, 8 BasicBlocks, avgpool, fc; every BasicBlock adds its input back
        assertEquals(14, blocks.blocks().size());
        assertEquals(4, blocks.groups().size());
        assertEquals(8, blocks.blocks().stream().filter(Diagram.Block::shortcut).count());
        assertTrue(blocks.toString().contains("14 blocks in 4 groups"), blocks.toString());

        Diagram layers = Nnsh.diagram(Models.resnet18(), Nnsh.options().inputSize(1, 3, 224, 224).depth(3));
        List<Diagram.Block> b = layers.blocks();
        // each block's second relu call takes bn2's output plus the block's input (or its downsample): two sources
        for (int i = 0; i < b.size(); i++) {
            LayerInfo row = b.get(i).row();
            if (!(row.isRecursive() && row.typeName().equals("ReLU"))) continue;
            final int to = i;
            long sources = layers.links().stream().filter(l -> l.to() == to).count();
            assertEquals(2, sources, row.path() + " " + layers.links());
        }
        // the downsampling blocks' shortcut: the block input goes to downsample as well as conv1
        int downsample = indexOf(b, "layer2.0.downsample");
        int conv1 = indexOf(b, "layer2.0.conv1");
        assertTrue(layers.links().contains(new Diagram.Link(conv1 - 1, downsample)), layers.links().toString());
    }

    @Test void aPlainNetworkHasNoSkipsAndDenseBlocksConcatenate() {
        Diagram vgg = Nnsh.diagram(new SeedVGG11(), 12, 1, 224, 224);
        assertTrue(vgg.toString().contains("0 skip connections, 0 shortcut blocks"), vgg.toString());
        assertEquals(vgg.blocks().size() + 0, vgg.links().size()); // a chain, from the input on

        Diagram dense = Nnsh.diagram(Models.densenet121(), Nnsh.options().inputSize(1, 3, 224, 224).depth(3));
        List<Diagram.Block> b = dense.blocks();
        // denselayer3 of block 1 takes pool0's output and denselayers 1 and 2
        int layer3 = indexOf(b, "features.denseblock1.denselayer3");
        long sources = dense.links().stream().filter(l -> l.to() == layer3).count();
        assertEquals(3, sources, dense.links().toString());
        // transition1 takes the concatenation of pool0 and all six dense layers
        int norm = indexOf(b, "features.transition1.norm");
        assertEquals(7, dense.links().stream().filter(l -> l.to() == norm).count());
    }

    @Test void saveWritesTheSvg(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Diagram d = Nnsh.diagram(Models.lenet5(), 1, 1, 32, 32).by("mult_adds");
        String svg = java.nio.file.Files.readString(d.save(dir.resolve("lenet.svg")));
        assertEquals(d.toSvg(), svg);
        assertTrue(svg.contains("share of the mult-adds"), svg);
        assertThrows(IllegalArgumentException.class, () -> d.by("weights"));
    }

    private static int indexOf(List<Diagram.Block> blocks, String path) {
        for (int i = 0; i < blocks.size(); i++) if (blocks.get(i).row().path().equals(path)) return i;
        throw new AssertionError("no block " + path);
    }
}
