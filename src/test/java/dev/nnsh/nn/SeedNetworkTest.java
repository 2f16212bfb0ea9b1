package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.Tensor;
import dev.nnsh.testnets.SeedVGG11;
import org.junit.jupiter.api.Test;

class SeedNetworkTest {
    @Test void shapeOnlyPassGivesTheOutputShapeAndAllocatesNothing() {
        var net = new SeedVGG11();
        Tensor out = net.apply(Tensor.shapeOnly(100000, 1, 224, 224));
        assertArrayEquals(new long[]{100000, 1000}, out.shape());
        assertTrue(out.isShapeOnly());
        assertEquals(132_862_184L, net.numParams());
        assertTrue(net.parameters().stream().noneMatch(Parameter::isMaterialized));
    }

    @Test void realPassOnSmallBatchMatchesShapeOnlyPass() {
        var net = new SeedVGG11();
        Tensor out = net.apply(Tensor.rand(1, 1, 224, 224));
        assertFalse(out.isShapeOnly());
        assertArrayEquals(new long[]{1, 1000}, out.shape());
        assertTrue(Double.isFinite(out.sum().item()));
    }

    @Test void namedParametersUseFieldNamesInDeclarationOrder() {
        var names = new SeedVGG11().namedParameters().keySet().stream().toList();
        assertEquals("conv1.weight", names.get(0));
        assertEquals("conv1.bias", names.get(1));
        assertEquals("conv2.weight", names.get(2));
        assertEquals("fc3.bias", names.get(names.size() - 1));
        assertEquals(22, names.size());
    }

    @Test void shapeMismatchNamesTheLayerPath() {
        var net = new SeedVGG11();
        var e = assertThrows(ModuleException.class, () -> net.apply(Tensor.shapeOnly(2, 3, 224, 224)));
        assertEquals("conv1", e.path());
        assertTrue(e.getMessage().contains("expected input with 1 channels"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3, 224, 224]"), e.getMessage());
    }
}
