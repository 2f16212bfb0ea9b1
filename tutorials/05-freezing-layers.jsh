// Lesson 5: frozen and trainable parameters
//
// Fine-tuning keeps a trained feature extractor fixed and trains only a new classifier head.
// Frozen parameters still count in Total params, but not in Trainable params; the Trainable
// column says which layers will learn.

class SmallNet extends Module {
    Sequential features = new Sequential(
            new Conv2d(3, 16, 3, 1, 1), new BatchNorm2d(16), new ReLU(), new MaxPool2d(2),
            new Conv2d(16, 32, 3, 1, 1), new BatchNorm2d(32), new ReLU(), new AdaptiveAvgPool2d(1));
    Linear head = new Linear(32, 10);
    @Override public Tensor forward(Tensor x) {
        return head.apply(features.apply(x).flatten(1));
    }
}
var net = new SmallNet();
var columns = new String[]{"output_size", "num_params", "trainable"};

// Step 1. Everything trainable.
summary(net, options().inputSize(8, 3, 32, 32).columns(columns));

// Step 2. Freeze the feature extractor. Its layers' counts now appear in parentheses, the
// Trainable column says False, and the root says Partial.
net.features.requiresGrad(false);
var frozen = summary(net, options().inputSize(8, 3, 32, 32).columns(columns));
System.out.printf("trainable: %,d of %,d%n", frozen.trainableParams(), frozen.totalParams());

// Step 3. A new head for a 4-class task: a fresh layer is trainable.
net.head = new Linear(32, 4);
summary(net, options().inputSize(8, 3, 32, 32).columns(columns));

// Step 4. Partly frozen: unfreeze only the last convolution block. The features container is
// now Partial too.
net.features.get(4).requiresGrad(true);
net.features.get(5).requiresGrad(true);
summary(net, options().inputSize(8, 3, 32, 32).columns(columns).depth(1));
