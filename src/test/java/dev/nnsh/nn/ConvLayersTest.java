package dev.nnsh.nn;

import static dev.nnsh.nn.WindowReference.assertClose;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import dev.nnsh.nn.WindowReference.Arr;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Real forward passes of the convolutions against {@link WindowReference}, one test per option. */
class ConvLayersTest {
    private final Random rnd = new Random(7);

    private static Arr weight(Module m) { return Arr.of(m.ownParameters().get("weight").data()); }

    private static Arr bias(Module m) {
        Parameter b = m.ownParameters().get("bias");
        return b == null ? null : Arr.of(b.data());
    }

    private void checkConv2d(Conv2d conv, long[] inputShape, int[] stride, int[] pad, int[] dilation, int groups) {
        Arr x = Arr.random(rnd, inputShape);
        Tensor y = conv.apply(x.tensor());
        assertClose(WindowReference.conv2d(x, weight(conv), bias(conv), stride, pad, dilation, groups), y);
    }

    @Test void conv2dPlain() {
        checkConv2d(new Conv2d(3, 4, 3), new long[]{2, 3, 7, 6}, new int[]{1, 1}, new int[]{0, 0, 0, 0}, new int[]{1, 1}, 1);
    }

    @Test void conv2dStrideAndPadding() {
        checkConv2d(new Conv2d(3, 5, 3, 2, 1), new long[]{2, 3, 9, 8}, new int[]{2, 2}, new int[]{1, 1, 1, 1}, new int[]{1, 1}, 1);
        checkConv2d(new Conv2d(2, 3, 3).kernelSize(2, 3).stride(1, 3).padding(2, 0), new long[]{1, 2, 6, 10},
                new int[]{1, 3}, new int[]{2, 2, 0, 0}, new int[]{1, 1}, 1);
    }

    @Test void conv2dDilation() {
        checkConv2d(new Conv2d(3, 4, 3).dilation(2).padding(1), new long[]{2, 3, 9, 9}, new int[]{1, 1},
                new int[]{1, 1, 1, 1}, new int[]{2, 2}, 1);
        checkConv2d(new Conv2d(2, 2, 2).dilation(3, 1).stride(2), new long[]{1, 2, 8, 7}, new int[]{2, 2},
                new int[]{0, 0, 0, 0}, new int[]{3, 1}, 1);
    }

    @Test void conv2dGroups() {
        checkConv2d(new Conv2d(6, 4, 3).groups(2), new long[]{2, 6, 5, 5}, new int[]{1, 1}, new int[]{0, 0, 0, 0},
                new int[]{1, 1}, 2);
        checkConv2d(new Conv2d(6, 9, 3, 1, 1, 2, 3), new long[]{1, 6, 7, 7}, new int[]{1, 1}, new int[]{1, 1, 1, 1},
                new int[]{2, 2}, 3);
    }

    @Test void conv2dDepthwiseWithAndWithoutMultiplier() {
        checkConv2d(new Conv2d(4, 4, 3, 1, 1).groups(4), new long[]{2, 4, 6, 6}, new int[]{1, 1}, new int[]{1, 1, 1, 1},
                new int[]{1, 1}, 4);
        checkConv2d(new Conv2d(3, 6, 3, 2, 1).groups(3), new long[]{2, 3, 7, 7}, new int[]{2, 2}, new int[]{1, 1, 1, 1},
                new int[]{1, 1}, 3);
        checkConv2d(new Conv2d(4, 4, 3).groups(4).dilation(2), new long[]{1, 4, 8, 8}, new int[]{1, 1}, new int[]{0, 0, 0, 0},
                new int[]{2, 2}, 4);
    }

    @Test void conv2dWithoutBias() {
        Conv2d conv = new Conv2d(3, 4, 3).bias(false);
        assertNull(conv.ownParameters().get("bias"));
        checkConv2d(conv, new long[]{2, 3, 5, 5}, new int[]{1, 1}, new int[]{0, 0, 0, 0}, new int[]{1, 1}, 1);
    }

    @Test void conv2dSamePaddingOddAndEvenKernels() {
        checkConv2d(new Conv2d(2, 3, 3).padding("same"), new long[]{1, 2, 6, 5}, new int[]{1, 1}, new int[]{1, 1, 1, 1},
                new int[]{1, 1}, 1);
        // even kernel: total padding 1 per dim, the extra one after (bottom/right), as PyTorch
        checkConv2d(new Conv2d(2, 3, 4).padding("same"), new long[]{2, 2, 7, 6}, new int[]{1, 1}, new int[]{1, 2, 1, 2},
                new int[]{1, 1}, 1);
        checkConv2d(new Conv2d(2, 3, 2).kernelSize(2, 3).padding("same").dilation(3), new long[]{1, 2, 6, 6},
                new int[]{1, 1}, new int[]{1, 2, 3, 3}, new int[]{3, 3}, 1);
        Tensor y = new Conv2d(2, 3, 4).padding("same").apply(Tensor.rand(1, 2, 7, 6));
        assertArrayEquals(new long[]{1, 3, 7, 6}, y.shape());
    }

    @Test void conv2dUnbatchedInput() {
        Conv2d conv = new Conv2d(2, 3, 3);
        Arr x = Arr.random(rnd, 1, 2, 5, 5);
        Tensor y = conv.apply(x.tensor().squeeze(0));
        assertArrayEquals(new long[]{3, 3, 3}, y.shape());
        assertClose(WindowReference.conv2d(x, weight(conv), bias(conv), new int[]{1, 1}, new int[4], new int[]{1, 1}, 1), y.unsqueeze(0));
    }

    private void checkConv1d(Conv1d conv, long[] inputShape, int stride, int[] pad, int dilation, int groups) {
        Arr x = Arr.random(rnd, inputShape);
        assertClose(WindowReference.conv1d(x, weight(conv), bias(conv), stride, pad, dilation, groups), conv.apply(x.tensor()));
    }

    @Test void conv1dEachOption() {
        checkConv1d(new Conv1d(3, 4, 3), new long[]{2, 3, 10}, 1, new int[]{0, 0}, 1, 1);
        checkConv1d(new Conv1d(3, 4, 3, 2, 1), new long[]{2, 3, 11}, 2, new int[]{1, 1}, 1, 1);
        checkConv1d(new Conv1d(4, 6, 3).dilation(2).groups(2), new long[]{1, 4, 12}, 1, new int[]{0, 0}, 2, 2);
        checkConv1d(new Conv1d(4, 4, 5, 1, 2, 1, 4, false), new long[]{2, 4, 9}, 1, new int[]{2, 2}, 1, 4);
        checkConv1d(new Conv1d(2, 3, 4).padding("same"), new long[]{2, 2, 9}, 1, new int[]{1, 2}, 1, 1);
    }

    private void checkTransposed(ConvTranspose2d conv, long[] inputShape, int[] stride, int[] pad, int[] outputPad,
                                 int groups, int[] dilation) {
        Arr x = Arr.random(rnd, inputShape);
        assertClose(WindowReference.convTranspose2d(x, weight(conv), bias(conv), stride, pad, outputPad, groups, dilation),
                conv.apply(x.tensor()));
    }

    @Test void convTranspose2dPlainAndStrided() {
        checkTransposed(new ConvTranspose2d(3, 4, 3), new long[]{2, 3, 4, 5}, new int[]{1, 1}, new int[]{0, 0},
                new int[]{0, 0}, 1, new int[]{1, 1});
        checkTransposed(new ConvTranspose2d(3, 2, 3, 2), new long[]{1, 3, 4, 3}, new int[]{2, 2}, new int[]{0, 0},
                new int[]{0, 0}, 1, new int[]{1, 1});
        checkTransposed(new ConvTranspose2d(2, 3, 2, 3).bias(false), new long[]{2, 2, 3, 3}, new int[]{3, 3}, new int[]{0, 0},
                new int[]{0, 0}, 1, new int[]{1, 1});
    }

    @Test void convTranspose2dPaddingLargerThanKernelReachCropsTheResult() {
        checkTransposed(new ConvTranspose2d(2, 3, 3, 2, 1), new long[]{1, 2, 4, 4}, new int[]{2, 2}, new int[]{1, 1},
                new int[]{0, 0}, 1, new int[]{1, 1});
        checkTransposed(new ConvTranspose2d(2, 3, 3, 3, 3), new long[]{1, 2, 5, 4}, new int[]{3, 3}, new int[]{3, 3},
                new int[]{0, 0}, 1, new int[]{1, 1});
    }

    @Test void convTranspose2dOutputPadding() {
        ConvTranspose2d conv = new ConvTranspose2d(3, 4, 3, 2, 1, 1);
        checkTransposed(conv, new long[]{2, 3, 4, 5}, new int[]{2, 2}, new int[]{1, 1}, new int[]{1, 1}, 1, new int[]{1, 1});
        assertArrayEquals(new long[]{2, 4, 8, 10}, conv.apply(Tensor.shapeOnly(2, 3, 4, 5)).shape());
        checkTransposed(new ConvTranspose2d(2, 2, 3).stride(3, 2).outputPadding(2, 1), new long[]{1, 2, 3, 3},
                new int[]{3, 2}, new int[]{0, 0}, new int[]{2, 1}, 1, new int[]{1, 1});
    }

    @Test void convTranspose2dGroupsAndDilation() {
        checkTransposed(new ConvTranspose2d(4, 6, 3, 2, 1, 1, 2), new long[]{2, 4, 3, 4}, new int[]{2, 2}, new int[]{1, 1},
                new int[]{1, 1}, 2, new int[]{1, 1});
        checkTransposed(new ConvTranspose2d(3, 3, 3, 1, 2, 1, 3, true, 2), new long[]{1, 3, 5, 4}, new int[]{1, 1},
                new int[]{2, 2}, new int[]{1, 1}, 3, new int[]{2, 2});
    }

    @Test void functionalConv2dMatchesTheLayer() {
        Conv2d conv = new Conv2d(3, 4, 3, 2, 1);
        Tensor x = Tensor.rand(2, 3, 8, 8);
        Tensor viaF = F.conv2d(x, conv.ownParameters().get("weight").data(), conv.ownParameters().get("bias").data(), 2, 1);
        assertClose(Arr.of(conv.apply(x)), viaF);
    }
}
