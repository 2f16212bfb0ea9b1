package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Parameter counts and shapes as PyTorch reports them (counts from PyTorch's formula (k·C_in/groups + 1)·C_out). */
class ConvParamCountTest {
    @Test void conv2d() {
        assertEquals(2_359_808L, new Conv2d(512, 512, 3).numParams());
        assertEquals(18_432L, new Conv2d(64, 128, 3).groups(4).bias(false).numParams());
        assertEquals(9 * 32 + 32, new Conv2d(32, 32, 3).groups(32).numParams()); // depthwise
        assertEquals(3 * 64 * 7 * 7, new Conv2d(3, 64, 7, 2, 3, 1, 1, false).numParams());
        assertEquals(2 * 4 * 1 * 3 + 4, new Conv2d(2, 4, 1).kernelSize(1, 3).numParams());
    }

    @Test void conv1d() {
        assertEquals(1_617L, new Conv1d(16, 33, 3).numParams());
        assertEquals(16 / 4 * 32 * 5, new Conv1d(16, 32, 5).groups(4).bias(false).numParams());
    }

    @Test void convTranspose2dWeightIsInByOutPerGroup() {
        ConvTranspose2d t = new ConvTranspose2d(16, 33, 3);
        assertEquals(4_785L, t.numParams());
        assertArrayEquals(new long[]{16, 33, 3, 3}, t.ownParameters().get("weight").shape());
        ConvTranspose2d grouped = new ConvTranspose2d(16, 32, 3).groups(4);
        assertArrayEquals(new long[]{16, 8, 3, 3}, grouped.ownParameters().get("weight").shape());
        assertEquals(16 * 8 * 9 + 32, grouped.numParams());
    }

    @Test void poolingAndResamplingHaveNoParameters() {
        for (Module m : new Module[]{new MaxPool2d(2), new MaxPool1d(3), new AvgPool2d(2), new AdaptiveAvgPool2d(7),
                new Upsample().scaleFactor(2)}) {
            assertEquals(0, m.numParams(), m.typeName());
        }
    }

    @Test void defaultInitialisationIsBoundedByOneOverSqrtFanIn() {
        ConvTranspose2d t = new ConvTranspose2d(4, 6, 3).groups(2); // PyTorch's fan_in: weight.size(1)·k·k = 3·9
        double bound = 1 / Math.sqrt(3 * 9);
        assertTrue(t.ownParameters().get("weight").data().nd().amaxNumber().doubleValue() <= bound);
        assertTrue(t.ownParameters().get("weight").data().nd().amaxNumber().doubleValue() > bound / 2);
        Conv1d c = new Conv1d(8, 4, 5).groups(2);
        double cBound = 1 / Math.sqrt(4 * 5);
        assertTrue(c.ownParameters().get("bias").data().nd().amaxNumber().doubleValue() <= cBound);
    }
}
