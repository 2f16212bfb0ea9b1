// Lesson 7: looking at a network
//
// A table is precise, a picture is quick. This lesson charts where the seed network's parameters
// and arithmetic are, exports its summary for a report, draws ResNet-18's architecture, and ends
// with a quiz on the formulas of lesson 1.
//
// Run it with:  scripts/nnsh tutorials/07-looking-at-a-network.jsh

// Step 1. The seed network of lesson 1, summarised without printing (verbose 0), with var names.
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
var stats = summary(net, options().inputSize(12, 1, 224, 224).verbose(0).rowSettings("var_names"));

// Step 2. One bar per row, as long as its share of the parameters: fc1 alone holds over three
// quarters of them (7·7·512 inputs times 4096 outputs).
chart(stats);

// Step 3. The same rows by mult-adds tell the opposite story: the convolutions, applied at every
// position of a 224x224 image, do nearly all the arithmetic; fc1 runs once per image.
chart(stats, "mult_adds");

// Step 4. Exports for reports and slides: Markdown, CSV, JSON (every figure a number), HTML
// (what a notebook shows) and LaTeX; save(...) picks the format by the file's extension.
System.out.println(stats.toMarkdown().lines().limit(4).collect(java.util.stream.Collectors.joining("\n")));
System.out.println(stats.toCsv().lines().limit(3).collect(java.util.stream.Collectors.joining("\n")));
var dir = java.nio.file.Files.createTempDirectory("nnsh-lesson7");
for (String ext : List.of(".md", ".csv", ".json", ".html", ".tex", ".txt")) {
    var file = stats.save(dir.resolve("seed" + ext));
    System.out.printf("%-10s %,7d bytes%n", file.getFileName(), java.nio.file.Files.size(file));
}

// Step 5. An architecture diagram of ResNet-18: one block per layer at depth 2 (a BasicBlock is
// one block), darker for a bigger share of the parameters, the stages as groups, and a "+" beside
// every block whose input is added back to its output. In the shell, /show resnet18.svg opens it.
var picture = diagram(Models.resnet18(), 1, 3, 224, 224);
picture

// Saved, the SVG opens in any browser (and is what a notebook shows above).
var svg = picture.save(dir.resolve("resnet18.svg"));
System.out.println(svg.getFileName() + " starts with " + java.nio.file.Files.readString(svg).substring(0, 60));

// Step 6. A quiz: for each layer with parameters, its parameter count, then its output shape.
// In the shell the answers are typed; here they come from a string: a right count, a wrong
// shape (the derivation follows), a skipped question (an empty line), then the input ends.
var small = new Sequential(new Conv2d(1, 8, 3), new ReLU(), new Flatten(), new Linear(8 * 26 * 26, 10));
quiz(small, 0, options().inputSize(1, 1, 28, 28), Quiz.Answers.of(new java.io.StringReader("80\n[1, 8, 28, 28]\n\n")));
