package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationLayersTest {
    private static final long[] SHAPE = {2, 3, 5};
    private static final float[] X = random(11, numel(SHAPE), 4, 0);

    private static void check(Module layer, Fn reference) {
        Tensor input = tensor(X, SHAPE);
        Tensor out = layer.apply(input);
        assertShape(SHAPE, out);
        assertClose(map(X, reference), out);
        assertArrayEquals(X, values(input), layer + " must leave its input unchanged");
    }

    @Test void relu6ClipsToZeroAndSix() { check(new ReLU6(), Reference::relu6); }

    @Test void leakyReluDefaultSlope() { check(new LeakyReLU(), x -> leakyRelu(x, 0.01)); }

    @Test void leakyReluCustomSlope() { check(new LeakyReLU(0.2), x -> leakyRelu(x, 0.2)); }

    @Test void geluIsTheExactErfForm() { check(new GELU(), Reference::geluExact); }

    @Test void geluTanhApproximation() { check(new GELU("tanh"), Reference::geluTanh); }

    @Test void exactAndTanhGeluDiffer() {
        Tensor exact = new GELU().apply(tensor(X, SHAPE));
        Tensor tanh = new GELU().approximate("tanh").apply(tensor(X, SHAPE));
        double maxDiff = 0;
        float[] a = values(exact), b = values(tanh);
        for (int i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        assertTrue(maxDiff > 1e-5, "the exact form must not be the approximation: max difference " + maxDiff);
    }

    @Test void siluSigmoidTanhHardswish() {
        check(new SiLU(), Reference::silu);
        check(new Sigmoid(), Reference::sigmoid);
        check(new Tanh(), Math::tanh);
        check(new Hardswish(), Reference::hardswish);
    }

    @Test void softmaxAndLogSoftmaxOverEveryDim() {
        for (int dim : new int[]{0, 1, 2, -1, -3}) {
            Tensor input = tensor(X, SHAPE);
            assertClose(softmax(X, SHAPE, dim, false), new Softmax(dim).apply(input));
            assertClose(softmax(X, SHAPE, dim, true), new LogSoftmax(dim).apply(input));
        }
    }

    @Test void softmaxDimOutOfRangeIsRejected() {
        var e = assertThrows(ModuleException.class, () -> new Softmax(3).apply(tensor(X, SHAPE)));
        assertTrue(e.getMessage().contains("dimension out of range"), e.getMessage());
    }

    @Test void functionalFormsMatchTheLayers() {
        Tensor input = tensor(X, SHAPE);
        assertClose(map(X, Reference::relu6), F.relu6(input));
        assertClose(map(X, Reference::geluExact), F.gelu(input));
        assertClose(map(X, Reference::silu), F.silu(input));
        assertClose(map(X, Reference::sigmoid), F.sigmoid(input));
        assertClose(map(X, Math::tanh), F.tanh(input));
        assertClose(map(X, x -> leakyRelu(x, 0.3)), F.leakyRelu(input, 0.3));
        assertClose(map(X, Reference::hardswish), F.hardswish(input));
        assertClose(softmax(X, SHAPE, 1, false), F.softmax(input, 1));
        assertClose(softmax(X, SHAPE, 1, true), F.logSoftmax(input, 1));
    }

    @Test void shapeOnlyInputGivesShapeOnlyOutput() {
        for (Module m : new Module[]{new ReLU6(), new LeakyReLU(), new GELU(), new SiLU(), new Sigmoid(), new Tanh(),
                new Hardswish(), new Softmax(1), new LogSoftmax(-1), new Identity()}) {
            Tensor out = m.apply(Tensor.shapeOnly(7, 3, 5));
            assertTrue(out.isShapeOnly(), m.toString());
            assertArrayEquals(new long[]{7, 3, 5}, out.shape(), m.toString());
        }
    }

    @Test void identityReturnsItsInput() {
        Tensor input = tensor(X, SHAPE);
        assertSame(input, new Identity().apply(input));
    }

    @Test void badGeluModeIsRejectedAtConstruction() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GELU("fast"));
        assertEquals("GELU: approximate must be \"none\" or \"tanh\", got \"fast\"", e.getMessage());
    }

    @Test void printedLikePyTorch() {
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("ReLU(inplace=True)", new ReLU(true).toString());
        assertEquals("ReLU6()", new ReLU6().toString());
        assertEquals("ReLU6(inplace=True)", new ReLU6(true).toString());
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("LeakyReLU(negative_slope=0.2, inplace=True)", new LeakyReLU(0.2, true).toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        assertEquals("SiLU()", new SiLU().toString());
        assertEquals("SiLU(inplace=True)", new SiLU().inplace(true).toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("Tanh()", new Tanh().toString());
        assertEquals("Hardswish()", new Hardswish(true).toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
        assertEquals("Identity()", new Identity().toString());
    }
}
