package dev.nnsh.models;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Inception v3 for 299×299 images, as torchvision builds it. With auxLogits (the default) the auxiliary
 * head exists and runs only in train mode, where {@link #auxOutput()} holds its logits after a pass;
 * forward returns the main logits; {@link #transformInput} is torchvision's option.
 */
public class Inception3 extends Module {
    final BasicConv2d Conv2d_1a_3x3;
    final BasicConv2d Conv2d_2a_3x3;
    final BasicConv2d Conv2d_2b_3x3;
    final MaxPool2d maxpool1;
    final BasicConv2d Conv2d_3b_1x1;
    final BasicConv2d Conv2d_4a_3x3;
    final MaxPool2d maxpool2;
    final InceptionA Mixed_5b;
    final InceptionA Mixed_5c;
    final InceptionA Mixed_5d;
    final InceptionB Mixed_6a;
    final InceptionC Mixed_6b;
    final InceptionC Mixed_6c;
    final InceptionC Mixed_6d;
    final InceptionC Mixed_6e;
    final InceptionAux AuxLogits; // null without the auxiliary head
    final InceptionD Mixed_7a;
    final InceptionE Mixed_7b;
    final InceptionE Mixed_7c;
    final AdaptiveAvgPool2d avgpool;
    final Dropout dropout;
    final Linear fc;
    private Tensor auxOutput;
    private boolean transformInput;

    public Inception3(int numClasses, boolean auxLogits, double dropout) {
        Conv2d_1a_3x3 = new BasicConv2d(3, 32, 3, 2, 0);
        Conv2d_2a_3x3 = new BasicConv2d(32, 32, 3);
        Conv2d_2b_3x3 = new BasicConv2d(32, 64, 3, 1, 1);
        maxpool1 = new MaxPool2d(3, 2);
        Conv2d_3b_1x1 = new BasicConv2d(64, 80, 1);
        Conv2d_4a_3x3 = new BasicConv2d(80, 192, 3);
        maxpool2 = new MaxPool2d(3, 2);
        Mixed_5b = new InceptionA(192, 32);
        Mixed_5c = new InceptionA(256, 64);
        Mixed_5d = new InceptionA(288, 64);
        Mixed_6a = new InceptionB(288);
        Mixed_6b = new InceptionC(768, 128);
        Mixed_6c = new InceptionC(768, 160);
        Mixed_6d = new InceptionC(768, 160);
        Mixed_6e = new InceptionC(768, 192);
        AuxLogits = auxLogits ? new InceptionAux(768, numClasses) : null;
        Mixed_7a = new InceptionD(768);
        Mixed_7b = new InceptionE(1280);
        Mixed_7c = new InceptionE(2048);
        avgpool = new AdaptiveAvgPool2d(1, 1);
        this.dropout = new Dropout(dropout);
        fc = new Linear(2048, numClasses);
    }

    /** The auxiliary head's logits of the last train-mode pass, or null. */
    public Tensor auxOutput() { return auxOutput; }

    /** torchvision's transform_input (default off): re-normalise ImageNet-normalised images first. */
    public Inception3 transformInput(boolean on) {
        transformInput = on;
        return this;
    }

    @Override public Tensor forward(Tensor x) {
        if (transformInput) x = ImagenetInputTransform.apply(x);
        // issue 11 (free): in eval each stage's result is freed once the next has run; pools on oneDNN for channels-last inputs; (in training the aux head reads one too)
        var r = dev.nnsh.nn.IntermediateRelease.start(this, isTraining() ? null : x);
        for (Module m : new Module[]{Conv2d_1a_3x3, Conv2d_2a_3x3, Conv2d_2b_3x3, maxpool1, Conv2d_3b_1x1, Conv2d_4a_3x3, maxpool2,
                Mixed_5b, Mixed_5c, Mixed_5d, Mixed_6a, Mixed_6b, Mixed_6c, Mixed_6d, Mixed_6e}) {
            x = r.after(m, x, dev.nnsh.nn.ChannelsLastPool.apply(m, x));
        }
        auxOutput = AuxLogits != null && isTraining() ? AuxLogits.apply(x) : null;
        for (Module m : new Module[]{Mixed_7a, Mixed_7b, Mixed_7c, avgpool}) x = r.after(m, x, dev.nnsh.nn.ChannelsLastPool.apply(m, x));
        x = dropout.apply(x);
        return fc.apply(x.flatten(1));
    }

    private static Tensor avgPool3x3(Tensor x) {
        Tensor pooled = dev.nnsh.nn.ChannelsLastPadPool.avgPool2d(x, 3, 1, 1); // issue 11 (cnn): on oneDNN for a channels-last x
        return pooled != null ? pooled : F.avgPool2d(x, 3, 1, 1);
    }

    /** issue 11 (cnn): conv(avg_pool(x)) (the blocks' branch_pool), in eval the pooled map freed once the convolution consumed it. */
    private static Tensor poolBranch(Module owner, Tensor x, BasicConv2d conv) {
        var release = dev.nnsh.nn.IntermediateRelease.start(owner, owner.isTraining() ? null : x);
        Tensor pooled = release.afterTensorOp("avg_pool2d", x, avgPool3x3(x));
        return release.after(conv, pooled, conv.apply(pooled));
    }

    private static Tensor maxPool3x3s2(Tensor x) {
        Tensor pooled = dev.nnsh.nn.ChannelsLastPadPool.maxPool2d(x, 3, 2, 0); // issue 11 (cnn): on oneDNN for a channels-last x
        return pooled != null ? pooled : F.maxPool2d(x, 3, 2, 0);
    }

    /** 1×1; 1×1 then 5×5; 1×1 then two 3×3; 3×3 average pool then 1×1. */
    public static class InceptionA extends Module {
        final BasicConv2d branch1x1;
        final BasicConv2d branch5x5_1;
        final BasicConv2d branch5x5_2;
        final BasicConv2d branch3x3dbl_1;
        final BasicConv2d branch3x3dbl_2;
        final BasicConv2d branch3x3dbl_3;
        final BasicConv2d branch_pool;

        public InceptionA(int in, int poolFeatures) {
            branch1x1 = new BasicConv2d(in, 64, 1);
            branch5x5_1 = new BasicConv2d(in, 48, 1);
            branch5x5_2 = new BasicConv2d(48, 64, 5, 1, 2);
            branch3x3dbl_1 = new BasicConv2d(in, 64, 1);
            branch3x3dbl_2 = new BasicConv2d(64, 96, 3, 1, 1);
            branch3x3dbl_3 = new BasicConv2d(96, 96, 3, 1, 1);
            branch_pool = new BasicConv2d(in, poolFeatures, 1);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor b1 = branch1x1.apply(x);
            Tensor b5 = Branches.chain(this, x, branch5x5_1, branch5x5_2); // issue 11 (free): intermediates freed
            Tensor b3 = Branches.chain(this, x, branch3x3dbl_1, branch3x3dbl_2, branch3x3dbl_3);
            Tensor bp = poolBranch(this, x, branch_pool); // issue 11 (cnn)
            Tensor cat = Branches.cat(this, x, new Module[]{branch1x1, branch5x5_2, branch3x3dbl_3, branch_pool}, b1, b5, b3, bp);
            return cat != null ? cat : Tensor.cat(1, b1, b5, b3, bp);
        }
    }

    /** Grid reduction: stride-2 3×3; 1×1, 3×3, stride-2 3×3; stride-2 max pool. */
    public static class InceptionB extends Module {
        final BasicConv2d branch3x3;
        final BasicConv2d branch3x3dbl_1;
        final BasicConv2d branch3x3dbl_2;
        final BasicConv2d branch3x3dbl_3;

        public InceptionB(int in) {
            branch3x3 = new BasicConv2d(in, 384, 3, 2, 0);
            branch3x3dbl_1 = new BasicConv2d(in, 64, 1);
            branch3x3dbl_2 = new BasicConv2d(64, 96, 3, 1, 1);
            branch3x3dbl_3 = new BasicConv2d(96, 96, 3, 2, 0);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor b3 = branch3x3.apply(x);
            Tensor bd = Branches.chain(this, x, branch3x3dbl_1, branch3x3dbl_2, branch3x3dbl_3); // issue 11 (free): intermediates freed
            Tensor bp = maxPool3x3s2(x); // issue 11 (cnn)
            Tensor cat = Branches.cat(this, x, new Module[]{branch3x3, branch3x3dbl_3, null}, b3, bd, bp);
            return cat != null ? cat : Tensor.cat(1, b3, bd, bp);
        }
    }

    /** Factorised 7×7 branches (1×7 and 7×1 convolutions). */
    public static class InceptionC extends Module {
        final BasicConv2d branch1x1;
        final BasicConv2d branch7x7_1;
        final BasicConv2d branch7x7_2;
        final BasicConv2d branch7x7_3;
        final BasicConv2d branch7x7dbl_1;
        final BasicConv2d branch7x7dbl_2;
        final BasicConv2d branch7x7dbl_3;
        final BasicConv2d branch7x7dbl_4;
        final BasicConv2d branch7x7dbl_5;
        final BasicConv2d branch_pool;

        public InceptionC(int in, int c7) {
            branch1x1 = new BasicConv2d(in, 192, 1);
            branch7x7_1 = new BasicConv2d(in, c7, 1);
            branch7x7_2 = new BasicConv2d(c7, c7, 1, 7, 0, 3);
            branch7x7_3 = new BasicConv2d(c7, 192, 7, 1, 3, 0);
            branch7x7dbl_1 = new BasicConv2d(in, c7, 1);
            branch7x7dbl_2 = new BasicConv2d(c7, c7, 7, 1, 3, 0);
            branch7x7dbl_3 = new BasicConv2d(c7, c7, 1, 7, 0, 3);
            branch7x7dbl_4 = new BasicConv2d(c7, c7, 7, 1, 3, 0);
            branch7x7dbl_5 = new BasicConv2d(c7, 192, 1, 7, 0, 3);
            branch_pool = new BasicConv2d(in, 192, 1);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor b1 = branch1x1.apply(x);
            Tensor b7 = Branches.chain(this, x, branch7x7_1, branch7x7_2, branch7x7_3); // issue 11 (free): intermediates freed
            Tensor bd = Branches.chain(this, x, branch7x7dbl_1, branch7x7dbl_2, branch7x7dbl_3, branch7x7dbl_4, branch7x7dbl_5);
            Tensor bp = poolBranch(this, x, branch_pool); // issue 11 (cnn)
            Tensor cat = Branches.cat(this, x, new Module[]{branch1x1, branch7x7_3, branch7x7dbl_5, branch_pool}, b1, b7, bd, bp);
            return cat != null ? cat : Tensor.cat(1, b1, b7, bd, bp);
        }
    }

    /** Grid reduction with a factorised 7×7 branch. */
    public static class InceptionD extends Module {
        final BasicConv2d branch3x3_1;
        final BasicConv2d branch3x3_2;
        final BasicConv2d branch7x7x3_1;
        final BasicConv2d branch7x7x3_2;
        final BasicConv2d branch7x7x3_3;
        final BasicConv2d branch7x7x3_4;

        public InceptionD(int in) {
            branch3x3_1 = new BasicConv2d(in, 192, 1);
            branch3x3_2 = new BasicConv2d(192, 320, 3, 2, 0);
            branch7x7x3_1 = new BasicConv2d(in, 192, 1);
            branch7x7x3_2 = new BasicConv2d(192, 192, 1, 7, 0, 3);
            branch7x7x3_3 = new BasicConv2d(192, 192, 7, 1, 3, 0);
            branch7x7x3_4 = new BasicConv2d(192, 192, 3, 2, 0);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor b3 = Branches.chain(this, x, branch3x3_1, branch3x3_2); // issue 11 (free): intermediates freed
            Tensor b7 = Branches.chain(this, x, branch7x7x3_1, branch7x7x3_2, branch7x7x3_3, branch7x7x3_4);
            Tensor bp = maxPool3x3s2(x); // issue 11 (cnn)
            Tensor cat = Branches.cat(this, x, new Module[]{branch3x3_2, branch7x7x3_4, null}, b3, b7, bp);
            return cat != null ? cat : Tensor.cat(1, b3, b7, bp);
        }
    }

    /** Expanded filter bank: the 3×3 branches split into parallel 1×3 and 3×1 convolutions. */
    public static class InceptionE extends Module {
        final BasicConv2d branch1x1;
        final BasicConv2d branch3x3_1;
        final BasicConv2d branch3x3_2a;
        final BasicConv2d branch3x3_2b;
        final BasicConv2d branch3x3dbl_1;
        final BasicConv2d branch3x3dbl_2;
        final BasicConv2d branch3x3dbl_3a;
        final BasicConv2d branch3x3dbl_3b;
        final BasicConv2d branch_pool;

        public InceptionE(int in) {
            branch1x1 = new BasicConv2d(in, 320, 1);
            branch3x3_1 = new BasicConv2d(in, 384, 1);
            branch3x3_2a = new BasicConv2d(384, 384, 1, 3, 0, 1);
            branch3x3_2b = new BasicConv2d(384, 384, 3, 1, 1, 0);
            branch3x3dbl_1 = new BasicConv2d(in, 448, 1);
            branch3x3dbl_2 = new BasicConv2d(448, 384, 3, 1, 1);
            branch3x3dbl_3a = new BasicConv2d(384, 384, 1, 3, 0, 1);
            branch3x3dbl_3b = new BasicConv2d(384, 384, 3, 1, 1, 0);
            branch_pool = new BasicConv2d(in, 192, 1);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor b1 = branch1x1.apply(x);
            Tensor s = branch3x3_1.apply(x);
            Tensor pair = Branches.pair(this, x, branch3x3_1, s, branch3x3_2a, branch3x3_2b); // issue 11 (free): intermediates freed
            Tensor b3 = pair != null ? pair : Tensor.cat(1, branch3x3_2a.apply(s), branch3x3_2b.apply(s));
            Tensor d = Branches.chain(this, x, branch3x3dbl_1, branch3x3dbl_2);
            pair = Branches.pair(this, x, branch3x3dbl_2, d, branch3x3dbl_3a, branch3x3dbl_3b);
            Tensor bd = pair != null ? pair : Tensor.cat(1, branch3x3dbl_3a.apply(d), branch3x3dbl_3b.apply(d));
            Tensor bp = poolBranch(this, x, branch_pool); // issue 11 (cnn)
            Tensor cat = Branches.cat(this, x, new Module[]{branch1x1, null, null, branch_pool}, b1, b3, bd, bp);
            return cat != null ? cat : Tensor.cat(1, b1, b3, bd, bp);
        }
    }

    /** Auxiliary classifier: 5×5/3 average pool, 1×1 and 5×5 BasicConv2d, global average pool, fc. */
    public static class InceptionAux extends Module {
        final BasicConv2d conv0;
        final BasicConv2d conv1;
        final Linear fc;

        public InceptionAux(int in, int numClasses) {
            conv0 = new BasicConv2d(in, 128, 1);
            conv1 = new BasicConv2d(128, 768, 5);
            fc = new Linear(768, numClasses);
        }

        @Override public Tensor forward(Tensor x) {
            x = conv1.apply(conv0.apply(F.avgPool2d(x, 5, 3, 0)));
            return fc.apply(F.adaptiveAvgPool2d(x, 1, 1).flatten(1));
        }
    }
}
