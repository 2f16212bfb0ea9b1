package dev.nnsh.models;

import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * The zoo blocks whose forwards fuse conv → bn → relu (+ the residual sum) themselves, against
 * the same blocks with every fast path off, on random weights and batch-norm statistics.
 */
class FusedBlocksTest {

    private static void check(Module block, Tensor x, boolean expectChannelsLast) {
        randomize(block, 5, 0.2);
        block.eval();
        Tensor input = x.mul(1); // blocks must not write into their input
        Tensor want = unfused(() -> block.apply(input));
        Tensor got = block.apply(input);
        assertEquals(0.0, input.sub(x).abs().max().item(), "the input is unchanged");
        assertEquals(expectChannelsLast, DnnlConv.channelsLast(got.nd()), block.typeName() + " fused");
        assertClose(want, got, 1e-5, block.typeName());
    }

    @Test void resnetBlocksWithIdentityAndDownsampleShortcuts() {
        Tensor x = Tensor.randn(2, 16, 8, 8);
        check(new ResNet.BasicBlock(16, 16, 1, null), x, true);
        check(new ResNet.BasicBlock(16, 8, 2, new Sequential(new Conv2d(16, 8, 1, 2).bias(false), new BatchNorm2d(8))), x, true);
        check(new ResNet.Bottleneck(16, 4, 1, null), x, true);
        check(new ResNet.Bottleneck(16, 8, 2, new Sequential(new Conv2d(16, 32, 1, 2).bias(false), new BatchNorm2d(32)), 4, 16), x, true);
    }

    @Test void resnetBlocksFreeTheirOwnIntermediates() {
        // 64 channels of 40×40 in float32 are 400 KiB: pooled, so a fused block can give them back
        Module bottleneck = new ResNet.Bottleneck(256, 64, 1, null), basic = new ResNet.BasicBlock(64, 64, 1, null);
        Tensor x = Tensor.randn(1, 256, 40, 40), y = Tensor.randn(1, 64, 40, 40);
        check(bottleneck, x, true);
        check(basic, y, true);
        Tensor first = bottleneck.apply(x);
        long before = IntermediateRelease.releasedCount();
        Tensor second = bottleneck.apply(x);
        assertEquals(2, IntermediateRelease.releasedCount() - before, "Bottleneck: conv1's and conv2's results freed");
        before = IntermediateRelease.releasedCount();
        Tensor basicOut = basic.apply(y);
        assertEquals(1, IntermediateRelease.releasedCount() - before, "BasicBlock: conv1's result freed");
        // the input and the results stay usable, and reuse of the freed memory changed neither
        assertEquals(0.0, first.sub(second).abs().max().item(), "a pass after freed intermediates were reused");
        assertEquals(0.0, basicOut.sub(basic.apply(y)).abs().max().item(), "BasicBlock again");
        assertTrue(x.abs().max().item() > 0, "the block's input is still usable");
    }

    @Test void invertedResidualFusedWithItsSumFreesItsIntermediates() {
        // 192 hidden channels of 40×40 are 1.2 MB: pooled
        Module block = new MobileNetV2.InvertedResidual(32, 32, 1, 6);
        Tensor x = Tensor.randn(1, 32, 40, 40);
        check(block, x, true);
        Tensor first = block.apply(x);
        long before = IntermediateRelease.releasedCount();
        Tensor second = block.apply(x);
        assertEquals(2, IntermediateRelease.releasedCount() - before, "the expansion's and the depthwise conv's results freed");
        assertEquals(0.0, first.sub(second).abs().max().item(), "a pass after freed intermediates were reused");
    }

    @Test void residualGivenInChannelsLastLayout() {
        // the block's input comes from a fused layer before it: the identity shortcut is then channels-last
        Sequential two = new Sequential(new ResNet.BasicBlock(16, 16, 1, null), new ResNet.BasicBlock(16, 16, 1, null));
        check(two, Tensor.randn(1, 16, 6, 6), true);
    }

    @Test void denseBlockWithoutRecopyingTheConcatenation() {
        DenseNet._DenseBlock block = new DenseNet._DenseBlock(3, 16, 2, 8);
        check(block, Tensor.randn(2, 16, 6, 6), true);
        Module net = new DenseNet(8, new int[]{2, 2}, 16, 2, 10);
        Tensor x = Tensor.randn(1, 3, 48, 48);
        randomize(net, 4, 0.2);
        net.eval();
        Tensor want = unfused(() -> net.apply(x));
        Tensor got = net.apply(x);
        double diff = want.sub(got).abs().max().item(), magnitude = want.abs().max().item();
        assertTrue(diff <= 1e-4 * Math.max(1, magnitude), "densenet: max |difference| " + diff + " for outputs up to " + magnitude);
    }

    @Test void denseBlockFreesEachLayersIntermediatesAndKeepsItsValues() { // issue 11 (dense)
        // pooled sizes (≥ 256 KiB): each layer's norm1→relu1 result and bottleneck go back to the pool at once
        DenseNet._DenseBlock block = new DenseNet._DenseBlock(3, 64, 4, 16);
        Tensor x = Tensor.randn(2, 64, 32, 32);
        long before = dev.nnsh.nn.IntermediateRelease.releasedCount();
        check(block, x, true);
        assertTrue(dev.nnsh.nn.IntermediateRelease.releasedCount() - before >= 6, "two intermediates freed per layer");
        Tensor again = block.apply(x); // a second pass reuses the freed buffers and gives the same values
        Tensor first = block.apply(x);
        assertEquals(0.0, again.sub(first).abs().max().item());
        System.setProperty("nnsh.dense.release", "off");
        try {
            assertEquals(0.0, block.apply(x).sub(first).abs().max().item(), "same values without freeing");
        } finally {
            System.clearProperty("nnsh.dense.release");
        }
    }

    @Test void denseBlockRunsItsLayersBlockedWithTheValuesOfTheChannelsLastPath() { // issue 11 (cnn)
        DenseNet._DenseBlock block = new DenseNet._DenseBlock(3, 32, 2, 16); // 32, 48, 64 earlier channels: whole blocks of 16
        Tensor x = Tensor.randn(2, 32, 9, 7);
        long runs = dev.nnsh.nn.BlockedDenseLayer.runs(), blockRuns = dev.nnsh.nn.BlockedDenseBlock.runs();
        check(block, x, true);
        assertEquals(runs + 3, dev.nnsh.nn.BlockedDenseLayer.runs(), "every layer in nChw16c");
        assertEquals(blockRuns + 1, dev.nnsh.nn.BlockedDenseBlock.runs(), "the concatenation in nChw16c");
        Tensor blocked = block.apply(x);
        System.setProperty("nnsh.dense.blockedBuffer", "off");
        try {
            assertClose(block.apply(x), blocked, 1e-6, "the block layer by layer against the whole block blocked");
        } finally {
            System.clearProperty("nnsh.dense.blockedBuffer");
        }
        assertEquals(blockRuns + 2, dev.nnsh.nn.BlockedDenseBlock.runs(), "off: layer by layer");
        long blockedRuns = dev.nnsh.nn.BlockedDenseLayer.runs();
        System.setProperty("nnsh.dense.blocked", "off");
        try {
            Tensor channelsLast = block.apply(x);
            assertClose(channelsLast, blocked, 1e-5, "blocked against the channels-last path");
            assertEquals(blockedRuns, dev.nnsh.nn.BlockedDenseLayer.runs(), "off: no blocked layer");
        } finally {
            System.clearProperty("nnsh.dense.blocked");
        }
    }

    @Test void transitionPoolsBeforeItsConvolution() { // issue 11 (dense)
        // the transition's input comes channels-last from a fused layer (as from a dense block); even and odd sizes
        for (int size : new int[]{16, 7}) {
            Sequential s = new Sequential(new Conv2d(8, 64, 3, 1, 1).bias(false), new BatchNorm2d(64), new dev.nnsh.nn.ReLU(),
                    new DenseNet._Transition(64, 32));
            check(s, Tensor.randn(2, 8, size, size), true);
        }
        DenseNet._Transition t = new DenseNet._Transition(64, 32);
        randomize(t, 3, 0.2);
        t.eval();
        Tensor channelsLast = Tensor.of(Tensor.randn(2, 16, 16, 64).nd().permute(0, 3, 1, 2));
        Tensor direct = DenseBlockFusion.transition(t, channelsLast);
        assertTrue(direct != null, "the pooled-first path applies");
        Tensor want = unfused(() -> t.apply(channelsLast));
        double diff = want.sub(direct).abs().max().item(), magnitude = want.abs().max().item();
        assertTrue(diff <= 1e-5 * Math.max(1, magnitude), "transition: max |difference| " + diff + " for outputs up to " + magnitude);
        // with a bias, and with ceil mode where a window overhangs (then as a Sequential: conv, then ND4J's pooling)
        DenseNet._Transition biased = new DenseNet._Transition(64, 32);
        biased.register("conv", new Conv2d(64, 32, 1, 1));
        check(new Sequential(new Conv2d(8, 64, 3, 1, 1), new BatchNorm2d(64), new dev.nnsh.nn.ReLU(), biased), Tensor.randn(2, 8, 9, 9), true);
        DenseNet._Transition ceil = new DenseNet._Transition(64, 32);
        ((dev.nnsh.nn.AvgPool2d) ceil.get(3)).ceilMode(true);
        check(new Sequential(new Conv2d(8, 64, 3, 1, 1), new BatchNorm2d(64), new dev.nnsh.nn.ReLU(), ceil), Tensor.randn(2, 8, 9, 9), false);
    }

    @Test void squeezenetFireWritesBothExpandsIntoOneBuffer() {
        check(new SqueezeNet.Fire(16, 8, 12, 12), Tensor.randn(2, 16, 9, 9), true);
        check(new SqueezeNet.Fire(16, 8, 8, 16), Tensor.randn(1, 16, 5, 7), true);
    }

    @Test void mobilenetBlocksAndTheWholeSmallResnet() {
        check(new MobileNetV2.InvertedResidual(16, 16, 1, 6), Tensor.randn(2, 16, 7, 7), true);
        check(new MobileNetV2.InvertedResidual(16, 24, 2, 6), Tensor.randn(2, 16, 7, 7), true);
        Module net = Models.resnet18();
        Tensor x = Tensor.randn(1, 3, 64, 64);
        randomize(net, 3, 0.2);
        net.eval();
        Tensor want = unfused(() -> net.apply(x));
        Tensor got = net.apply(x);
        double diff = want.sub(got).abs().max().item(), magnitude = want.abs().max().item();
        assertTrue(diff <= 1e-4 * Math.max(1, magnitude), "resnet18: max |difference| " + diff + " for outputs up to " + magnitude);
    }
}
