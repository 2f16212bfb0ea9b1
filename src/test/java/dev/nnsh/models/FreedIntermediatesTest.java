package dev.nnsh.models;

import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (free): the zoo forwards that free their own intermediates give the values of the unfused pass
 * (every fast path off) on random weights and statistics, free what they should, and in steady state take
 * every pooled buffer they need from the pool (no miss, no collection).
 */
class FreedIntermediatesTest {
    @Test void mobilenetV3BlockWithSqueezeExcitationAndResidual() {
        // 72 hidden channels of 32×32, batch 2: 590 KB, pooled
        Module block = new MobileNetV3.InvertedResidual(new MobileNetV3.Config(24, 5, 72, 24, true, true, 1));
        checkBlock(block, Tensor.randn(2, 24, 32, 32), 3);
        Module relu = new MobileNetV3.InvertedResidual(new MobileNetV3.Config(24, 3, 72, 24, false, false, 1));
        checkBlock(relu, Tensor.randn(2, 24, 32, 32), 2);
    }

    @Test void efficientnetBlocksWithResidual() {
        Module mb = new EfficientNet.MBConv(6, 3, 1, 16, 16, 0.2, EfficientNet.BN_EPS_1E3);
        checkBlock(mb, Tensor.randn(2, 16, 32, 32), 3); // expansion, depthwise, squeeze-excitation
        Module fusedMb = new EfficientNet.FusedMBConv(4, 3, 1, 16, 16, 0.2, EfficientNet.BN_EPS_1E3);
        checkBlock(fusedMb, Tensor.randn(2, 16, 32, 32), 1);
    }

    @Test void mnasnetAndRegnetBlocksWithResidual() {
        // MNASNet's block is one flat Sequential: expansion and depthwise run fused, their two results freed
        checkBlock(new MNASNet._InvertedResidual(16, 16, 3, 1, 6), Tensor.randn(2, 16, 32, 32), 2);
        // RegNet: a, b, squeeze-excitation freed; with a projection shortcut also the projection's result
        checkBlock(new RegNet.ResBottleneckBlock(32, 32, 1, 8, 0.25), Tensor.randn(2, 32, 32, 32), 3);
        checkBlock(new RegNet.ResBottleneckBlock(16, 32, 1, 8, 0.25), Tensor.randn(2, 16, 32, 32), 4);
        checkBlock(new RegNet.ResBottleneckBlock(16, 32, 2, 8, 0), Tensor.randn(2, 16, 64, 64), 3);
    }

    @Test void inceptionBlocksFuseTheirConvolutionsAndFreeTheirBranches() {
        // InceptionA: branch5x5_1's, branch3x3dbl_1's and _2's results, the average pool once branch_pool read it (issue 11 (cnn)),
        // then the four branches once concatenated
        checkBlock(new Inception3.InceptionA(32, 32), Tensor.randn(2, 32, 40, 40), 8);
        // InceptionB: branch3x3dbl_1's and _2's results, then the two convolution branches (its max pool is under 256 KiB)
        checkBlock(new Inception3.InceptionB(32), Tensor.randn(2, 32, 41, 41), 4);
        // InceptionE: s, branch3x3dbl_1's result and d once read, the four inner branches once concatenated, then the four branches
        checkBlock(new Inception3.InceptionE(32), Tensor.randn(2, 32, 16, 16), 11);
        // GoogLeNet: branch2's and branch4's inner results (branch3's, 16 channels, is under 256 KiB), then the four branches
        checkBlock(new GoogLeNet.Inception(32, 64, 48, 64, 16, 32, 32), Tensor.randn(2, 32, 40, 40), 6);
    }

    @Test void shufflenetBlocksFreeTheirBranchesOnceShuffled() {
        // stride 1: branch2's two inner results (its Sequential), then branch2's result once shuffled
        checkBlock(new ShuffleNetV2.InvertedResidual(32, 32, 1), Tensor.randn(2, 32, 64, 64), 3);
        // stride 2: branch1's inner result, branch2's two, then both branches' results once shuffled
        checkBlock(new ShuffleNetV2.InvertedResidual(16, 32, 2), Tensor.randn(2, 16, 128, 128), 5);
    }

    @Test void transformerBlocksFreeTheirNormsAndBranchesOnceConsumed() {
        // ViT: ln_1's result once attended, ln_2's once through the MLP, the attention residual once the MLP's added
        checkBlock(new VisionTransformer.EncoderBlock(12, 768, 3072, 0, 0), Tensor.randn(2, 50, 768), 3);
        // Swin: norm2's result once through the MLP, the first residual sum once the MLP's added (issue 11, tf: norm1's
        // result and the attention's are now internal to the window-order path, which gives its buffers back itself)
        checkBlock(new SwinTransformer.SwinTransformerBlock(96, 3, 7, 0, 0.1), Tensor.randn(2, 28, 28, 96), 2);
        checkBlock(new SwinTransformer.SwinTransformerBlock(96, 3, 7, 3, 0.1), Tensor.randn(2, 28, 28, 96), 2);
    }

    @Test void maxvitLayersFreeTheirBranchesAndResidualSums() {
        // MBConv: its Sequential's four results as before (issue 11, tf: the last convolution adds the shortcut as its
        // post-op, so there is no separate branch result to free)
        checkBlock(new MaxVit.MBConv(64, 64, 4, 0.25, 1, 0.1), Tensor.randn(2, 64, 32, 32), 4);
        // window and grid attention (issue 11, tf): each branch adds its residual in its last matmul and gives its own
        // buffers back, so what is freed here is the first residual sum once the MLP's added and the second once
        // departitioned (the input here is a plain [N, C, H, W] array, so the partition is the modules' unpooled copy)
        checkBlock(new MaxVit.PartitionAttentionLayer(64, 32, 8, false, 32, 4, 0.1), Tensor.randn(2, 64, 32, 32), 2);
        checkBlock(new MaxVit.PartitionAttentionLayer(64, 32, 8, true, 32, 4, 0.1), Tensor.randn(2, 64, 32, 32), 2);
    }

    @Test void squeezeExcitationScalesAChannelsLastInputIntoAPooledBuffer() {
        // the ReLU makes the first convolution a fused one, so its result is channels-last
        Module net = new dev.nnsh.nn.Sequential(new dev.nnsh.nn.Conv2d(8, 32, 3, 1, 1), new dev.nnsh.nn.ReLU(),
                new dev.nnsh.models.vision.SqueezeExcitation(32, 8), new dev.nnsh.nn.Conv2d(32, 8, 1));
        randomize(net, 5, 0.2);
        net.eval();
        Tensor x = Tensor.randn(2, 8, 40, 40);
        Tensor want = unfused(() -> net.apply(x));
        assertClose(want, net.apply(x), 1e-4, "conv → squeeze-excitation → conv");
        long before = IntermediateRelease.releasedCount();
        net.apply(x);
        assertEquals(2, IntermediateRelease.releasedCount() - before, "the first convolution's and the excitation's results freed");
    }

    @Test void resnetAndSqueezenetPassesTakeEveryBufferFromThePool() {
        for (Supplier<Module> make : java.util.List.<Supplier<Module>>of(Models::resnet18, Models::squeezenet1_1, Models::mobilenetV3Small,
                Models::mnasnet0_5, Models::regnetY400mf, Models::googlenet)) {
            Module net = make.get();
            randomize(net, 5, 0.05); // larger weights grow the activations layer by layer, and with them the rounding differences
            net.eval();
            Tensor x = Tensor.randn(4, 3, 112, 112);
            Tensor want = unfused(() -> net.apply(x));
            Tensor first = net.apply(x);
            net.apply(x);
            var s0 = NativeBuffers.stats();
            long released0 = IntermediateRelease.releasedCount();
            Tensor last = null;
            for (int i = 0; i < 3; i++) last = net.apply(x);
            var s1 = NativeBuffers.stats();
            String name = net.typeName();
            assertEquals(0, s1.misses() - s0.misses(), name + ": pool misses in three steady-state passes");
            assertEquals(0, s1.collections() - s0.collections(), name + ": collections asked for in three steady-state passes");
            assertTrue(IntermediateRelease.releasedCount() - released0 >= 3 * 5, name + ": intermediates freed");
            double diff = want.sub(first).abs().max().item(), magnitude = want.abs().max().item();
            assertTrue(diff <= 1e-4 * magnitude, name + ": max |difference| " + diff + " from the unfused pass, outputs up to " + magnitude);
            assertEquals(0.0, first.sub(last).abs().max().item(), name + ": the first pass's output after its buffers were reused");
        }
    }

    private static void checkBlock(Module block, Tensor x, int freedPerPass) {
        randomize(block, 5, 0.2);
        block.eval();
        Tensor input = x.mul(1);
        Tensor want = unfused(() -> block.apply(input));
        Tensor first = block.apply(input);
        long before = IntermediateRelease.releasedCount();
        Tensor second = block.apply(input);
        assertEquals(freedPerPass, IntermediateRelease.releasedCount() - before, block.typeName() + ": intermediates freed per pass");
        assertEquals(0.0, input.sub(x).abs().max().item(), block.typeName() + ": the input is unchanged");
        assertClose(want, first, 1e-4, block.typeName());
        assertEquals(0.0, first.sub(second).abs().max().item(), block.typeName() + ": a pass after freed intermediates were reused");
    }

}
