package dev.nnsh.shell;

/** The seed network (src/test/resources/dev/nnsh/summary/golden/seed_vgg11.out), as a user types it, one line at a time. */
final class SeedNetwork {
    private SeedNetwork() {}

    static final String[] LINES = {
        "class SeedVGG11 extends Module {",
        "    Conv2d conv1 = new Conv2d(1, 64, 3, 1, 1);",
        "    MaxPool2d max_pool_1 = new MaxPool2d(2);",
        "    Conv2d conv2 = new Conv2d(64, 128, 3, 1, 1);",
        "    MaxPool2d max_pool_2 = new MaxPool2d(2);",
        "    Conv2d conv3 = new Conv2d(128, 256, 3, 1, 1);",
        "    Conv2d conv4 = new Conv2d(256, 256, 3, 1, 1);",
        "    MaxPool2d max_pool_3 = new MaxPool2d(2);",
        "    Conv2d conv5 = new Conv2d(256, 512, 3, 1, 1);",
        "    Conv2d conv6 = new Conv2d(512, 512, 3, 1, 1);",
        "    MaxPool2d max_pool_4 = new MaxPool2d(2);",
        "    Conv2d conv7 = new Conv2d(512, 512, 3, 1, 1);",
        "    Conv2d conv8 = new Conv2d(512, 512, 3, 1, 1);",
        "    MaxPool2d max_pool_5 = new MaxPool2d(2);",
        "    Linear fc1 = new Linear(7 * 7 * 512, 4096);",
        "    Linear fc2 = new Linear(4096, 4096);",
        "    Linear fc3 = new Linear(4096, 1000);",
        "    @Override public Tensor forward(Tensor x) {",
        "        x = max_pool_1.apply(conv1.apply(x).relu());",
        "        x = max_pool_2.apply(conv2.apply(x).relu());",
        "        x = max_pool_3.apply(conv4.apply(conv3.apply(x).relu()).relu());",
        "        x = max_pool_4.apply(conv6.apply(conv5.apply(x).relu()).relu());",
        "        x = max_pool_5.apply(conv8.apply(conv7.apply(x).relu()).relu());",
        "        x = x.flatten(1);",
        "        x = fc2.apply(fc1.apply(x).relu()).relu();",
        "        return fc3.apply(x);",
        "    }",
        "}",
        "var net = new SeedVGG11();",
        "summary(net, 12, 1, 224, 224);",
    };

    static final String TOTAL = "Total params: 132,862,184";

    static String script() {
        return String.join("\n", LINES) + "\n";
    }
}
