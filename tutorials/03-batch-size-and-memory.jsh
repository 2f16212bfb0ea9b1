// Lesson 3: batch size changes memory, not parameters
//
// The article closes with this point: the parameter count describes the model; the batch size
// decides how much memory a forward/backward pass needs. We summarise the same network at three
// batch sizes and compare the footers.

class SeedVGG11 extends Module {
    Conv2d conv1 = new Conv2d(1, 64, 3, 1, 1);
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
        return fc3.apply(fc2.apply(fc1.apply(x.flatten(1))));
    }
}
var net = new SeedVGG11();

// The lesson checks its own arithmetic: if a number worked out by hand differs from nnsh's, this
// stops the lesson with an error instead of printing a wrong comparison.
void sameByHand(String what, long byHand, long counted) {
    if (byHand != counted) throw new AssertionError(what + ": by hand " + byHand + ", nnsh says " + counted);
}

// Step 1. Batch 1: the full table once.
summary(net, 1, 1, 224, 224);

// Step 2. The same network at batch 1, 12 and 128, figures only (verbose 0 prints nothing and
// returns the statistics). Parameters stay put; the forward/backward line grows with the batch.
for (long batch : new long[]{1, 12, 128}) {
    var s = summary(net, options().inputSize(batch, 1, 224, 224).verbose(0));
    System.out.printf("batch %3d: params %,d   input %,.2f MB   forward/backward %,.2f MB   total %,.2f MB%n",
            batch, s.totalParams(), s.inputBytes() / 1e6, s.forwardBackwardBytes() / 1e6, s.totalBytes() / 1e6);
}

// Step 3. Why: every layer with parameters keeps its output for the backward pass (x2 for the
// gradient), and every output has the batch as its first dimension. conv1's output alone, at
// batch 12: 12 * 64 * 224 * 224 floats of 4 bytes, twice:
var atTwelve = summary(net, options().inputSize(12, 1, 224, 224).verbose(0));
sameByHand("conv1's output at batch 12", 12L * 64 * 224 * 224 * 4,
        atTwelve.layers().stream().filter(l -> l.varName().equals("conv1")).findFirst().orElseThrow().outputBytes());
System.out.printf("conv1 at batch 12: 2 * 12*64*224*224 * 4 bytes = %,.2f MB%n", 2.0 * 12 * 64 * 224 * 224 * 4 / 1e6);

// Step 4. Choosing a batch size for a memory budget: the largest batch whose estimate fits in 8 GB.
long budget = 8_000_000_000L;
long best = 0;
for (long batch = 1; batch <= 4096; batch *= 2) {
    if (summary(net, options().inputSize(batch, 1, 224, 224).verbose(0)).totalBytes() <= budget) best = batch;
}
System.out.println("largest power-of-two batch within 8 GB: " + best);
