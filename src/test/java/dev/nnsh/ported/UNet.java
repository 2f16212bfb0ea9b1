package dev.nnsh.ported;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.ConvTranspose2d;
import dev.nnsh.nn.F;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** milesial/Pytorch-UNet's layout, two levels deep: skip connections concatenated after padding. */
final class UNet {
    private UNet() {}

    static class DoubleConv extends Module {
        Sequential double_conv;

        DoubleConv(long in_channels, long out_channels) {
            double_conv = new Sequential(
                    new Conv2d(in_channels, out_channels, 3, 1, 1).bias(false),
                    new BatchNorm2d(out_channels),
                    new ReLU(),
                    new Conv2d(out_channels, out_channels, 3, 1, 1).bias(false),
                    new BatchNorm2d(out_channels),
                    new ReLU());
        }

        @Override public Tensor forward(Tensor x) { return double_conv.apply(x); }
    }

    static class Down extends Module {
        Sequential maxpool_conv;

        Down(long in_channels, long out_channels) {
            maxpool_conv = new Sequential(new MaxPool2d(2), new DoubleConv(in_channels, out_channels));
        }

        @Override public Tensor forward(Tensor x) { return maxpool_conv.apply(x); }
    }

    static class Up extends Module {
        ConvTranspose2d up;
        DoubleConv conv;

        Up(long in_channels, long out_channels) {
            up = new ConvTranspose2d(in_channels, in_channels / 2, 2, 2);
            conv = new DoubleConv(in_channels, out_channels);
        }

        @Override public Tensor forward(Tensor... xs) {
            Tensor x1 = up.apply(xs[0]), x2 = xs[1];
            int diffY = (int) (x2.size().get(2) - x1.size().get(2));
            int diffX = (int) (x2.size().get(3) - x1.size().get(3));
            x1 = F.pad(x1, diffX / 2, diffX - diffX / 2, diffY / 2, diffY - diffY / 2);
            Tensor x = Tensor.cat(1, x2, x1);
            return conv.apply(x);
        }
    }

    static class Net extends Module {
        DoubleConv inc;
        Down down1, down2;
        Up up1, up2;
        Conv2d outc;

        Net(long n_channels, long n_classes, long base) {
            inc = new DoubleConv(n_channels, base);
            down1 = new Down(base, base * 2);
            down2 = new Down(base * 2, base * 4);
            up1 = new Up(base * 4, base * 2);
            up2 = new Up(base * 2, base);
            outc = new Conv2d(base, n_classes, 1);
        }

        Net() { this(3, 2, 4); }

        @Override public String typeName() { return "UNet"; }

        @Override public Tensor forward(Tensor x) {
            Tensor x1 = inc.apply(x);
            Tensor x2 = down1.apply(x1);
            Tensor x3 = down2.apply(x2);
            x = up1.apply(x3, x2);
            x = up2.apply(x, x1);
            return outc.apply(x);
        }
    }
}
