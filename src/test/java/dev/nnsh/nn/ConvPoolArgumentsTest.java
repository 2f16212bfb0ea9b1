package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad constructor arguments fail at construction naming the layer and argument; reprs and kernels are PyTorch's. */
class ConvPoolArgumentsTest {
    private static void rejects(String expectedStart, Executable construct) {
        var e = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test void convolutionArguments() {
        rejects("Conv2d: in_channels must be positive, got 0", () -> new Conv2d(0, 4, 3));
        rejects("Conv2d: kernel_size must be positive, got -1", () -> new Conv2d(3, 4, -1));
        rejects("Conv2d: stride must be positive, got 0", () -> new Conv2d(3, 4, 3, 0));
        rejects("Conv2d: padding must be non-negative, got -1", () -> new Conv2d(3, 4, 3, 1, -1));
        rejects("Conv2d: dilation must be positive, got 0", () -> new Conv2d(3, 4, 3, 1, 0, 0));
        rejects("Conv2d: in_channels (6) must be divisible by groups (4)", () -> new Conv2d(6, 8, 3, 1, 0, 1, 4));
        rejects("Conv2d: out_channels (6) must be divisible by groups (4)", () -> new Conv2d(8, 6, 3).groups(4));
        rejects("Conv2d: padding=\"same\" is not supported for strided convolutions", () -> new Conv2d(3, 4, 3, 2).padding("same"));
        rejects("Conv2d: padding must be \"same\", \"valid\" or a number", () -> new Conv2d(3, 4, 3).padding("full"));
        rejects("Conv1d: out_channels must be positive, got -2", () -> new Conv1d(3, -2, 3));
        rejects("Conv1d: in_channels (3) must be divisible by groups (2)", () -> new Conv1d(3, 4, 3).groups(2));
        rejects("ConvTranspose2d: output_padding must be smaller than either stride or dilation", () -> new ConvTranspose2d(3, 4, 3, 1, 0, 1));
        rejects("ConvTranspose2d: output_padding must be smaller than either stride or dilation", () -> new ConvTranspose2d(3, 4, 3, 2, 0, 2));
        rejects("ConvTranspose2d: padding must be a number", () -> new ConvTranspose2d(3, 4, 3).padding("same"));
        assertDoesNotThrow(() -> new ConvTranspose2d(3, 4, 3, 1, 0, 1, 1, true, 2)); // smaller than dilation is enough
    }

    @Test void poolingArguments() {
        rejects("MaxPool2d: kernel_size must be positive, got 0", () -> new MaxPool2d(0));
        rejects("MaxPool2d: padding should be at most half of kernel_size, got padding 2 for kernel_size 3", () -> new MaxPool2d(3, 1, 2));
        rejects("MaxPool2d: dilation must be positive, got 0", () -> new MaxPool2d(3, 1, 1, 0));
        rejects("MaxPool1d: stride must be positive, got -1", () -> new MaxPool1d(3, -1));
        rejects("AvgPool2d: padding should be at most half of kernel_size", () -> new AvgPool2d(2, 2, 2));
        rejects("AvgPool2d: divisor_override must be positive, got 0", () -> new AvgPool2d(2).divisorOverride(0));
        rejects("AdaptiveAvgPool2d: output_size must be positive, got 0", () -> new AdaptiveAvgPool2d(3, 0));
        rejects("Upsample: size must be positive, got 0", () -> new Upsample(0));
        rejects("Upsample: scale_factor must be positive and finite", () -> new Upsample().scaleFactor(-2));
    }

    @Test void forwardErrorsNameTheLayerAndShapes() {
        var tooSmall = assertThrows(ModuleException.class, () -> new Conv2d(3, 4, 5).apply(Tensor.shapeOnly(1, 3, 4, 9)));
        assertTrue(tooSmall.getMessage().contains("[1, 3, 4, 9] is too small"), tooSmall.getMessage());
        var channels = assertThrows(ModuleException.class, () -> new Conv1d(4, 4, 3).groups(2).apply(Tensor.shapeOnly(1, 3, 9)));
        assertTrue(channels.getMessage().contains("expected input with 4 channels"), channels.getMessage());
        var rank = assertThrows(ModuleException.class, () -> new MaxPool2d(2).apply(Tensor.shapeOnly(4, 4)));
        assertTrue(rank.getMessage().contains("expected 3-D or 4-D input, got shape [4, 4]"), rank.getMessage());
        var outputPadding = assertThrows(ModuleException.class,
                () -> new ConvTranspose2d(2, 2, 3).outputPadding(1).apply(Tensor.shapeOnly(1, 2, 4, 4)));
        assertTrue(outputPadding.getMessage().contains("output_padding must be smaller"), outputPadding.getMessage());
        var small = assertThrows(ModuleException.class, () -> new ConvTranspose2d(2, 2, 1, 1, 1).apply(Tensor.shapeOnly(1, 2, 2, 2)));
        assertTrue(small.getMessage().contains("output size is too small"), small.getMessage());
    }

    @Test void extraReprIsPyTorchs() {
        assertEquals("16, 33, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(2, 2)",
                new Conv2d(16, 33, 3, 2, 1, 2).extraRepr());
        assertEquals("64, 128, kernel_size=(3, 3), stride=(1, 1), groups=4, bias=False",
                new Conv2d(64, 128, 3).groups(4).bias(false).extraRepr());
        assertEquals("3, 4, kernel_size=(4, 4), stride=(1, 1), padding=same", new Conv2d(3, 4, 4).padding("same").extraRepr());
        assertEquals("3, 4, kernel_size=(4, 4), stride=(1, 1), padding=valid", new Conv2d(3, 4, 4).padding("valid").extraRepr());
        assertEquals("16, 33, kernel_size=(3,), stride=(2,)", new Conv1d(16, 33, 3, 2).extraRepr());
        assertEquals("16, 33, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1)",
                new ConvTranspose2d(16, 33, 3, 2, 1, 1).extraRepr());
        assertEquals("kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False", new MaxPool2d(2).extraRepr());
        assertEquals("kernel_size=3, stride=1, padding=1, dilation=1, ceil_mode=True", new MaxPool2d(3, 1, 1).ceilMode(true).extraRepr());
        assertEquals("kernel_size=(2, 3), stride=(2, 3), padding=0, dilation=1, ceil_mode=False", new MaxPool2d(2).kernelSize(2, 3).extraRepr());
        assertEquals("kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False", new MaxPool1d(3, 2, 1).extraRepr());
        assertEquals("kernel_size=2, stride=2, padding=0", new AvgPool2d(2).extraRepr());
        assertEquals("kernel_size=3, stride=1, padding=1", new AvgPool2d(3, 1, 1).extraRepr());
        assertEquals("output_size=7", new AdaptiveAvgPool2d(7).extraRepr());
        assertEquals("output_size=(5, 7)", new AdaptiveAvgPool2d(5, 7).extraRepr());
    }

    @Test void windowedAndGroupedDescribeTheKernel() {
        assertArrayEquals(new int[]{3}, new Conv1d(2, 2, 3).kernelSize());
        assertFalse(new Conv1d(2, 2, 3).kernelGivenAsInt());
        assertEquals(2, new Conv1d(2, 2, 3).groups(2).groups());
        assertArrayEquals(new int[]{3, 3}, new ConvTranspose2d(2, 2, 3).kernelSize());
        assertTrue(new MaxPool1d(3).kernelGivenAsInt());
        assertArrayEquals(new int[]{3}, new MaxPool1d(3).kernelSize());
        assertTrue(new AvgPool2d(2).kernelGivenAsInt());
        assertFalse(new AvgPool2d(2).kernelSize(2, 2).kernelGivenAsInt());
        assertTrue(new MaxPool2d(2).kernelGivenAsInt());
    }
}
