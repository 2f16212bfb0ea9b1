// Lesson 6: your own network, run for real
//
// A small CNN for 28x28 grey-scale digits (like MNIST), built from scratch, checked with a
// summary, and then run for real on ND4J to get class probabilities.

class DigitNet extends Module {
    Conv2d conv1 = new Conv2d(1, 8, 3, 1, 1);    // 28x28 -> 28x28, 8 channels
    MaxPool2d pool1 = new MaxPool2d(2);          // -> 14x14
    Conv2d conv2 = new Conv2d(8, 16, 3, 1, 1);   // -> 14x14, 16 channels
    MaxPool2d pool2 = new MaxPool2d(2);          // -> 7x7
    Linear fc1 = new Linear(16 * 7 * 7, 64);
    Linear fc2 = new Linear(64, 10);             // one score per digit

    @Override public Tensor forward(Tensor x) {
        x = pool1.apply(F.relu(conv1.apply(x)));
        x = pool2.apply(F.relu(conv2.apply(x)));
        x = F.relu(fc1.apply(x.flatten(1)));
        return fc2.apply(x);
    }
}

// Step 1. Seed the random generator so the weights (created on first use) and the input repeat.
Tensor.manualSeed(42);
var net = new DigitNet();

// Step 2. Check the shapes and sizes before running anything.
summary(net, 4, 1, 28, 28);

// Step 3. A real forward pass on a batch of 4 random "images". This time numbers are computed.
net.eval();
var images = Tensor.rand(4, 1, 28, 28);
var scores = net.apply(images);
System.out.println("scores shape: " + java.util.Arrays.toString(scores.shape()));

// Step 4. Softmax turns scores into probabilities: each row sums to 1.
var probs = scores.softmax(1);
System.out.printf("row sums: %.4f %.4f %.4f %.4f%n", probs.sum(1).nd().getDouble(0), probs.sum(1).nd().getDouble(1),
        probs.sum(1).nd().getDouble(2), probs.sum(1).nd().getDouble(3));

// An untrained network is close to uniform: about 0.1 for each of the 10 classes.
System.out.printf("largest probability in the batch: %.2f (untrained, so near 1/10)%n", probs.nd().maxNumber().doubleValue());
System.out.println("predicted classes have shape " + java.util.Arrays.toString(probs.argmax(1).shape()));
