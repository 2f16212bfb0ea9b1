"""The four networks of the golden tables (src/test/resources/dev/nnsh/summary/golden/), written in PyTorch."""

import torch
from torch import nn
import torch.nn.functional as F


class SeedVGG11(nn.Module):
    """The seed article's VGG11: 1-channel input, no activations."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 64, 3, 1, 1)
        self.max_pool_1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(64, 128, 3, 1, 1)
        self.max_pool_2 = nn.MaxPool2d(2)
        self.conv3 = nn.Conv2d(128, 256, 3, 1, 1)
        self.conv4 = nn.Conv2d(256, 256, 3, 1, 1)
        self.max_pool_3 = nn.MaxPool2d(2)
        self.conv5 = nn.Conv2d(256, 512, 3, 1, 1)
        self.conv6 = nn.Conv2d(512, 512, 3, 1, 1)
        self.max_pool_4 = nn.MaxPool2d(2)
        self.conv7 = nn.Conv2d(512, 512, 3, 1, 1)
        self.conv8 = nn.Conv2d(512, 512, 3, 1, 1)
        self.max_pool_5 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(7 * 7 * 512, 4096)
        self.fc2 = nn.Linear(4096, 4096)
        self.fc3 = nn.Linear(4096, 1000)

    def forward(self, x):
        x = self.max_pool_1(self.conv1(x))
        x = self.max_pool_2(self.conv2(x))
        x = self.max_pool_3(self.conv4(self.conv3(x)))
        x = self.max_pool_4(self.conv6(self.conv5(x)))
        x = self.max_pool_5(self.conv8(self.conv7(x)))
        x = torch.flatten(x, 1)
        return self.fc3(self.fc2(self.fc1(x)))


class LeNet5(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Linear(400, 120), nn.ReLU(),
            nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, num_classes))

    def forward(self, x):
        return self.classifier(self.features(x))


class RecursiveNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(64, 64, 3, 1, 1)

    def forward(self, x):
        return self.conv1(self.conv1(self.conv1(x)))


class Frozen(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(128, 64)
        for p in self.fc1.parameters():
            p.requires_grad = False
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


# golden file -> (network factory, input sizes, summary keyword arguments)
GOLDEN_CASES = {
    "seed_vgg11.out": (SeedVGG11, [(12, 1, 224, 224)], {}),
    "lenet5.out": (LeNet5, [(1, 1, 32, 32)], {}),
    "recursive.out": (RecursiveNet, [(1, 64, 28, 28)], {}),
    "frozen.out": (Frozen, [(4, 128)], {"columns": ("output_size", "num_params", "trainable")}),
}
