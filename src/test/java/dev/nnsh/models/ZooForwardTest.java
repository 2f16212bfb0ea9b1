package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.nnsh.Nnsh;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real forward passes on small inputs (the convolutional zoo models accept any large-enough image). */
class ZooForwardTest {
    static Stream<Arguments> smallModels() {
        return Stream.of(
                Arguments.of("lenet5", (Supplier<Module>) () -> Models.lenet5(), new long[]{2, 1, 32, 32}, 10),
                Arguments.of("resnet18", (Supplier<Module>) () -> Models.resnet18(7), new long[]{2, 3, 64, 64}, 7),
                Arguments.of("resnet50", (Supplier<Module>) () -> Models.resnet50(7), new long[]{1, 3, 32, 32}, 7),
                Arguments.of("mobilenet_v2", (Supplier<Module>) () -> Models.mobilenetV2(7), new long[]{1, 3, 32, 32}, 7),
                Arguments.of("squeezenet1_0", (Supplier<Module>) () -> Models.squeezenet1_0(7), new long[]{1, 3, 64, 64}, 7),
                Arguments.of("squeezenet1_1", (Supplier<Module>) () -> Models.squeezenet1_1(7), new long[]{1, 3, 64, 64}, 7),
                Arguments.of("densenet121", (Supplier<Module>) () -> Models.densenet121(7), new long[]{1, 3, 32, 32}, 7));
    }

    @ParameterizedTest(name = "{0}") @MethodSource("smallModels")
    void realForwardGivesFiniteScoresOfTheShapeOnlyShape(String name, Supplier<Module> factory, long[] input, int classes) {
        Module net = factory.get().eval();
        Tensor shapeOnly = net.apply(Tensor.shapeOnly(input));
        Tensor out = net.apply(Tensor.rand(input));
        assertFalse(out.isShapeOnly());
        assertArrayEquals(new long[]{input[0], classes}, out.shape());
        assertArrayEquals(shapeOnly.shape(), out.shape());
        assertTrue(Double.isFinite(out.sum().item()), name + " output is not finite");
    }

    @Test void realAndShapeOnlySummariesAreTheSameTable() {
        var shapeOnly = Nnsh.summary(Models.squeezenet1_1(), Nnsh.options().inputSize(1, 3, 224, 224).verbose(0));
        var real = Nnsh.summary(Models.squeezenet1_1(), Nnsh.options().inputSize(1, 3, 224, 224).realForward(true).verbose(0));
        assertEquals(shapeOnly.toString(), real.toString());
    }

    @Test void tooSmallInputFailsAtTheLayerThatCannotShrink() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Models.alexnet().apply(Tensor.shapeOnly(1, 3, 32, 32)));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }
}
