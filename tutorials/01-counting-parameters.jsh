// Lesson 1: where parameter counts come from
//
// A student builds VGG11 for 1-channel 224x224 images, asks for a summary at batch size 12, and
// wonders why two convolutions in a row show the same Param #. This lesson rebuilds that network,
// prints the table, and derives the numbers by hand.
//
// Run it with:  scripts/nnsh tutorials/01-counting-parameters.jsh

// Step 1. The network, exactly as in the article: eight 3x3 convolutions (padding 1 keeps the
// size), five 2x2 max-pools (each halves it: 224 -> 112 -> 56 -> 28 -> 14 -> 7), and three
// fully connected layers. Fields become the layers' names.
class SeedVGG11 extends Module {
    Conv2d conv1 = new Conv2d(1, 64, 3, 1, 1);      // in, out, kernel, stride, padding
    MaxPool2d max_pool_1 = new MaxPool2d(2);
    Conv2d conv2 = new Conv2d(64, 128, 3, 1, 1);
    MaxPool2d max_pool_2 = new MaxPool2d(2);
    Conv2d conv3 = new Conv2d(128, 256, 3, 1, 1);
    Conv2d conv4 = new Conv2d(256, 256, 3, 1, 1);
    MaxPool2d max_pool_3 = new MaxPool2d(2);
    Conv2d conv5 = new Conv2d(256, 512, 3, 1, 1);
    Conv2d conv6 = new Conv2d(512, 512, 3, 1, 1);
    MaxPool2d max_pool_4 = new MaxPool2d(2);
    Conv2d conv7 = new Conv2d(512, 512, 3, 1, 1);
    Conv2d conv8 = new Conv2d(512, 512, 3, 1, 1);
    MaxPool2d max_pool_5 = new MaxPool2d(2);
    Linear fc1 = new Linear(7 * 7 * 512, 4096);
    Linear fc2 = new Linear(4096, 4096);
    Linear fc3 = new Linear(4096, 1000);

    @Override public Tensor forward(Tensor x) {
        x = max_pool_1.apply(conv1.apply(x));
        x = max_pool_2.apply(conv2.apply(x));
        x = max_pool_3.apply(conv4.apply(conv3.apply(x)));
        x = max_pool_4.apply(conv6.apply(conv5.apply(x)));
        x = max_pool_5.apply(conv8.apply(conv7.apply(x)));
        x = x.flatten(1);                             // torch.flatten(x, 1)
        return fc3.apply(fc2.apply(fc1.apply(x)));
    }
}
// The lesson checks its own arithmetic: if a number worked out by hand differs from nnsh's, this
// stops the lesson with an error instead of printing a wrong comparison.
void sameByHand(String what, long byHand, long counted) {
    if (byHand != counted) throw new AssertionError(what + ": by hand " + byHand + ", nnsh says " + counted);
}

var net = new SeedVGG11();

// Step 2. The table: 12 images of 1x224x224. Nothing is computed for real: shapes flow through
// the network, so this is instant.
var stats = summary(net, 12, 1, 224, 224);

// Step 3. A convolution's parameters: one kH x kW x C_in filter per output channel, plus one bias
// per output channel:  (kH * kW * C_in + 1) * C_out.
long conv7ByHand = (3 * 3 * 512 + 1) * 512;
sameByHand("conv7", conv7ByHand, net.conv7.numParams());
System.out.printf("conv7 by hand: (3*3*512 + 1)*512 = %,d; in the table: %,d%n", conv7ByHand, net.conv7.numParams());

// conv8 has the same in/out channels and kernel, so the same count: that is why the column
// repeats. The image size (28x28 or 14x14) does not appear in the formula at all.
sameByHand("conv8", conv7ByHand, net.conv8.numParams());
System.out.printf("conv8: %,d (same layer shape, same count)%n", net.conv8.numParams());

// Step 4. A fully connected layer: one weight per input per output, plus one bias per output:
// (in_features + 1) * out_features.
long fc3ByHand = (4096 + 1) * 1000;
sameByHand("fc3", fc3ByHand, net.fc3.numParams());
System.out.printf("fc3 by hand: (4096 + 1)*1000 = %,d; in the table: %,d%n", fc3ByHand, net.fc3.numParams());

// fc1 is where most of the network lives: its input is the flattened 512x7x7 feature map.
long fc1ByHand = (7 * 7 * 512 + 1) * 4096L;
sameByHand("fc1", fc1ByHand, net.fc1.numParams());
System.out.printf("fc1 by hand: (7*7*512 + 1)*4096 = %,d, %.0f%% of all parameters%n", fc1ByHand,
        100.0 * fc1ByHand / stats.totalParams());

// Step 5. Pooling layers have no parameters: they only take the maximum of each 2x2 window.
sameByHand("max_pool_1", 0, net.max_pool_1.numParams());
System.out.println("max_pool_1 parameters: " + net.max_pool_1.numParams());
System.out.printf("total: %,d parameters%n", stats.totalParams());
