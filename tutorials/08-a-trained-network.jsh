// Lesson 8: a trained network, for real
//
// Open a PyTorch checkpoint, run a picture through the network, read its top-5 guesses, and look
// at what its first layer learned. Point the two paths at your own files: a torch.save checkpoint
// (.pth/.pt/.bin), a .safetensors or .npz file, and a PNG/JPEG/BMP picture. The expected output was
// made with the tiny ResNet checkpoint that ships with nnsh's tests (10 classes, random weights).
var checkpoint = Path.of("src/test/resources/weights/tiny_resnet.pth");
var picture = Path.of("src/test/resources/weights/image.png");
var outDir = Path.of(System.getProperty("java.io.tmpdir"), "nnsh-lesson-08");

// Step 1. Look inside the checkpoint before trusting it: names, shapes, dtypes. Nothing in it is
// executed; a pickle that names anything but tensors and dicts is refused.
var state = Weights.load(checkpoint);
System.out.println(state.size() + " tensors, for example:");
state.entrySet().stream().limit(4).forEach(e -> System.out.println("  " + e.getKey() + " "
        + Arrays.toString(e.getValue().shape()) + " " + e.getValue().dtype()));

// Step 2. The network the weights were trained in: same layers, same names. (For torchvision's
// ResNet-18 weights this is just Models.resnet18().) Here: torchvision's ResNet layout, small.
class TinyResNet extends Module {
    Conv2d conv1 = new Conv2d(3, 8, 3, 1, 1).bias(false);
    BatchNorm2d bn1 = new BatchNorm2d(8);
    ReLU relu = new ReLU(true);
    MaxPool2d maxpool = new MaxPool2d(3, 2, 1);
    Sequential layer1 = new Sequential(new ResNet.BasicBlock(8, 8, 1, null));
    Sequential layer2 = new Sequential(new ResNet.BasicBlock(8, 16, 2,
            new Sequential(new Conv2d(8, 16, 1, 2).bias(false), new BatchNorm2d(16))));
    AdaptiveAvgPool2d avgpool = new AdaptiveAvgPool2d(1, 1);
    Linear fc = new Linear(16, 10);

    @Override public Tensor forward(Tensor x) {
        x = maxpool.apply(relu.apply(bn1.apply(conv1.apply(x))));
        x = layer2.apply(layer1.apply(x));
        return fc.apply(avgpool.apply(x).flatten(1));
    }
}
var net = new TinyResNet();

// Step 3. Load: every key must match and every shape agree (pass false to allow missing keys).
System.out.println(net.loadWeights(checkpoint));
net.eval();

// Step 4. The picture, prepared as torchvision prepares it: shorter side to 64, the centre 56x56,
// ImageNet's mean and std. (For ResNet-18: resize(256), centerCrop(224).)
var prepare = Transforms.compose(Transforms.resize(64), Transforms.centerCrop(56),
        Transforms.normalize(Models.IMAGENET_MEAN, Models.IMAGENET_STD));
var image = Image.load(picture);
var x = prepare.apply(image).unsqueeze(0);
System.out.println("picture " + Arrays.toString(image.shape()) + " -> input " + Arrays.toString(x.shape()));

// Step 5. The five most probable classes. A 1000-class ImageNet network gets ImageNet's labels
// by itself; this one has 10, so we name them.
var labels = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
var probs = net.apply(x).softmax(1);
topk(probs, 5, labels);

// Step 6. What the first layer looks for: its 8 filters side by side (each pixel drawn 8x8), and
// what one of them makes of the picture (its feature map).
var filters = Image.grid(net.stateDict().get("conv1.weight"), 4);
Image.save(filters, outDir.resolve("conv1-filters.png"), 8);
var maps = net.conv1.apply(x);
Image.save(Image.featureMap(maps, 0), outDir.resolve("conv1-map0.png"));
System.out.println("filters " + Arrays.toString(filters.shape()) + " and feature map "
        + Arrays.toString(Image.featureMap(maps, 0).shape()) + " saved as PNG in " + outDir.getFileName());

// Step 7. Save the weights for elsewhere: .safetensors, which PyTorch reads with safetensors.torch.load_file.
Weights.save(net, outDir.resolve("tiny_resnet.safetensors"));
System.out.println("reloaded tensors: " + Weights.load(outDir.resolve("tiny_resnet.safetensors")).size());
