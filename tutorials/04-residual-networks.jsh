// Lesson 4: residual networks
//
// ResNet-18 from the model zoo, then one of its blocks built by hand, and a look at where its
// 11.7 million parameters live.

// Step 1. The zoo's ResNet-18 (same modules and names as torchvision's), summarised at depth 1:
// only the top-level modules, each showing the parameters of its whole subtree.
var resnet = Models.resnet18();
summary(resnet, options().inputSize(1, 3, 224, 224).depth(1));

// Step 2. The default depth (3) opens the four stages into their BasicBlocks and the blocks into
// their layers. Note the Sequential "downsample" in the first block of layers 2-4: a 1x1
// convolution with stride 2 that lets the shortcut match the halved, wider output.
summary(resnet, 1, 3, 224, 224);

// Step 3. A basic block by hand: two 3x3 convolutions with batch norm, and the input added back
// to the output (the "residual" connection) before the last ReLU.
class MyBasicBlock extends Module {
    Conv2d conv1; BatchNorm2d bn1; ReLU relu = new ReLU(); Conv2d conv2; BatchNorm2d bn2;
    MyBasicBlock(int channels) {
        conv1 = new Conv2d(channels, channels, 3, 1, 1).bias(false);
        bn1 = new BatchNorm2d(channels);
        conv2 = new Conv2d(channels, channels, 3, 1, 1).bias(false);
        bn2 = new BatchNorm2d(channels);
    }
    @Override public Tensor forward(Tensor x) {
        Tensor out = relu.apply(bn1.apply(conv1.apply(x)));
        out = bn2.apply(conv2.apply(out));
        return relu.apply(out.add(x));                 // the shortcut
    }
}
// The lesson checks its own arithmetic: if a number worked out by hand differs from nnsh's, this
// stops the lesson with an error instead of printing a wrong comparison.
void sameByHand(String what, long byHand, long counted) {
    if (byHand != counted) throw new AssertionError(what + ": by hand " + byHand + ", nnsh says " + counted);
}

var block = new MyBasicBlock(64);
summary(block, 1, 64, 56, 56);

// By hand: each conv has 3*3*64*64 weights and no bias (batch norm follows), each batch norm
// has a scale and a shift per channel.
long byHand = 2 * (3 * 3 * 64 * 64) + 2 * (2 * 64);
sameByHand("basic block", byHand, block.numParams());
System.out.printf("block by hand: 2*(3*3*64*64) + 2*(2*64) = %,d; counted: %,d%n", byHand, block.numParams());

// The ReLU is called twice: the table marks its second call as recursive, and it has no
// parameters either way.

// Step 4. Where the parameters live: per top-level module of ResNet-18.
for (var child : resnet.namedChildren().entrySet()) {
    System.out.printf("%-8s %,12d  %5.1f%%%n", child.getKey(), child.getValue().numParams(),
            100.0 * child.getValue().numParams() / resnet.numParams());
}
// The last stage (layer4, 512 channels) holds over two thirds: a 3x3 conv's count grows with
// the square of the channel width, while the image it runs on shrinks (7x7 there).
