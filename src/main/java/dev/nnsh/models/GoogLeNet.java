package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * GoogLeNet (Inception v1) as torchvision builds it. With auxLogits (the default) the two auxiliary
 * heads exist; they run only in train mode, where {@link #auxOutputs()} holds their logits (aux2, aux1,
 * torchvision's order) after a pass. forward returns the main logits; {@link #transformInput} is torchvision's option.
 */
public class GoogLeNet extends Module {
    final BasicConv2d conv1;
    final MaxPool2d maxpool1;
    final BasicConv2d conv2;
    final BasicConv2d conv3;
    final MaxPool2d maxpool2;
    final Inception inception3a;
    final Inception inception3b;
    final MaxPool2d maxpool3;
    final Inception inception4a;
    final Inception inception4b;
    final Inception inception4c;
    final Inception inception4d;
    final Inception inception4e;
    final MaxPool2d maxpool4;
    final Inception inception5a;
    final Inception inception5b;
    final InceptionAux aux1; // null without auxiliary heads
    final InceptionAux aux2;
    final AdaptiveAvgPool2d avgpool;
    final Dropout dropout;
    final Linear fc;
    private List<Tensor> auxOutputs = List.of();
    private boolean transformInput;

    public GoogLeNet(int numClasses, boolean auxLogits, double dropout, double dropoutAux) {
        conv1 = new BasicConv2d(3, 64, 7, 2, 3);
        maxpool1 = new MaxPool2d(3, 2).ceilMode(true);
        conv2 = new BasicConv2d(64, 64, 1);
        conv3 = new BasicConv2d(64, 192, 3, 1, 1);
        maxpool2 = new MaxPool2d(3, 2).ceilMode(true);
        inception3a = new Inception(192, 64, 96, 128, 16, 32, 32);
        inception3b = new Inception(256, 128, 128, 192, 32, 96, 64);
        maxpool3 = new MaxPool2d(3, 2).ceilMode(true);
        inception4a = new Inception(480, 192, 96, 208, 16, 48, 64);
        inception4b = new Inception(512, 160, 112, 224, 24, 64, 64);
        inception4c = new Inception(512, 128, 128, 256, 24, 64, 64);
        inception4d = new Inception(512, 112, 144, 288, 32, 64, 64);
        inception4e = new Inception(528, 256, 160, 320, 32, 128, 128);
        maxpool4 = new MaxPool2d(2, 2).ceilMode(true);
        inception5a = new Inception(832, 256, 160, 320, 32, 128, 128);
        inception5b = new Inception(832, 384, 192, 384, 48, 128, 128);
        aux1 = auxLogits ? new InceptionAux(512, numClasses, dropoutAux) : null;
        aux2 = auxLogits ? new InceptionAux(528, numClasses, dropoutAux) : null;
        avgpool = new AdaptiveAvgPool2d(1, 1);
        this.dropout = new Dropout(dropout);
        fc = new Linear(1024, numClasses);
    }

    /** The auxiliary heads' logits of the last train-mode pass (aux2, aux1); empty in eval mode. */
    public List<Tensor> auxOutputs() { return auxOutputs; }

    /** torchvision's transform_input (default off): re-normalise ImageNet-normalised images first. */
    public GoogLeNet transformInput(boolean on) {
        transformInput = on;
        return this;
    }

    @Override public Tensor forward(Tensor x) {
        if (transformInput) x = ImagenetInputTransform.apply(x);
        // issue 11 (free): in eval each stage's result is freed once the next has run; pools on oneDNN for channels-last inputs; (in training the aux heads read some too)
        var r = dev.nnsh.nn.IntermediateRelease.start(this, isTraining() ? null : x);
        for (Module m : new Module[]{conv1, maxpool1, conv2, conv3, maxpool2, inception3a, inception3b, maxpool3, inception4a}) x = r.after(m, x, dev.nnsh.nn.ChannelsLastPool.apply(m, x));
        List<Tensor> aux = new ArrayList<>();
        Tensor a1 = aux1 != null && isTraining() ? aux1.apply(x) : null;
        for (Module m : new Module[]{inception4b, inception4c, inception4d}) x = r.after(m, x, dev.nnsh.nn.ChannelsLastPool.apply(m, x));
        Tensor a2 = aux2 != null && isTraining() ? aux2.apply(x) : null;
        for (Module m : new Module[]{inception4e, maxpool4, inception5a, inception5b, avgpool}) x = r.after(m, x, dev.nnsh.nn.ChannelsLastPool.apply(m, x));
        x = fc.apply(dropout.apply(x.flatten(1)));
        if (a2 != null) aux.add(a2);
        if (a1 != null) aux.add(a1);
        auxOutputs = List.copyOf(aux);
        return x;
    }

    /** Four branches concatenated: 1×1; 1×1 then 3×3; 1×1 then 3×3 (torchvision's "5×5" branch); pool then 1×1. */
    public static class Inception extends Module {
        final BasicConv2d branch1;
        final Sequential branch2;
        final Sequential branch3;
        final Sequential branch4;

        public Inception(int in, int ch1x1, int ch3x3red, int ch3x3, int ch5x5red, int ch5x5, int poolProj) {
            branch1 = new BasicConv2d(in, ch1x1, 1);
            branch2 = new Sequential(new BasicConv2d(in, ch3x3red, 1), new BasicConv2d(ch3x3red, ch3x3, 3, 1, 1));
            branch3 = new Sequential(new BasicConv2d(in, ch5x5red, 1), new BasicConv2d(ch5x5red, ch5x5, 3, 1, 1));
            branch4 = new Sequential(new MaxPool2d(3, 1, 1).ceilMode(true), new BasicConv2d(in, poolProj, 1));
        }

        @Override public Tensor forward(Tensor x) {
            Tensor b1 = branch1.apply(x), b2 = branch2.apply(x), b3 = branch3.apply(x), b4 = branch4.apply(x);
            Tensor cat = Branches.cat(this, x, new Module[]{branch1, branch2, branch3, branch4}, b1, b2, b3, b4); // issue 11 (free)
            return cat != null ? cat : Tensor.cat(1, b1, b2, b3, b4);
        }
    }

    /** Auxiliary classifier: adaptive 4×4 average pool, 1×1 BasicConv2d, fc1 + ReLU, dropout, fc2. */
    public static class InceptionAux extends Module {
        final BasicConv2d conv;
        final Linear fc1;
        final Linear fc2;
        final Dropout dropout;

        public InceptionAux(int in, int numClasses, double dropout) {
            conv = new BasicConv2d(in, 128, 1);
            fc1 = new Linear(2048, 1024);
            fc2 = new Linear(1024, numClasses);
            this.dropout = new Dropout(dropout);
        }

        @Override public Tensor forward(Tensor x) {
            x = conv.apply(F.adaptiveAvgPool2d(x, 4, 4)).flatten(1);
            return fc2.apply(dropout.apply(F.relu(fc1.apply(x))));
        }
    }
}
