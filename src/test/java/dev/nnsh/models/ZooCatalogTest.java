package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Models.get by torchvision name, Models.list, and the factory naming rule. */
class ZooCatalogTest {
    @Test void namingRuleKeepsOnlyUnderscoresBetweenDigits() {
        assertEquals("efficientnetB0", ZooCatalog.factoryName("efficientnet_b0"));
        assertEquals("vitB16", ZooCatalog.factoryName("vit_b_16"));
        assertEquals("regnetY400mf", ZooCatalog.factoryName("regnet_y_400mf"));
        assertEquals("regnetX1_6gf", ZooCatalog.factoryName("regnet_x_1_6gf"));
        assertEquals("shufflenetV2X1_0", ZooCatalog.factoryName("shufflenet_v2_x1_0"));
        assertEquals("resnext50_32x4d", ZooCatalog.factoryName("resnext50_32x4d"));
        assertEquals("wideResnet50_2", ZooCatalog.factoryName("wide_resnet50_2"));
        assertEquals("r3d18", ZooCatalog.factoryName("r3d_18"));
        assertEquals("mc3_18", ZooCatalog.factoryName("mc3_18"));
    }

    @Test void everyNoArgumentFactoryIsListedAndEveryListedNameBuilds() {
        Set<String> factories = new TreeSet<>();
        for (Method m : Models.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && dev.nnsh.nn.Module.class.isAssignableFrom(m.getReturnType())) {
                factories.add(m.getName());
            }
        }
        Set<String> listed = new TreeSet<>();
        for (String name : ZooCatalog.NAMES) listed.add(ZooCatalog.factoryName(name));
        assertEquals(factories, listed);
    }

    @Test void getBuildsByTorchvisionNameAndListCountsParameters() {
        assertEquals(25_557_032L, Models.get("resnet50").numParams());
        assertEquals(Models.efficientnetB0().numParams(), Models.get("efficientnet_b0").numParams());
        ZooListing list = Models.list();
        assertEquals(ZooCatalog.NAMES, list.names());
        assertEquals(5_288_548L, list.params("efficientnet_b0"));
        assertEquals("regnetY1_6gf", list.factory("regnet_y_1_6gf"));
        assertTrue(list.toString().contains("efficientnet_b0      efficientnetB0()             5,288,548"), list.toString());
    }

    @Test void unknownNamesAreRefusedWithSuggestions() {
        var e = assertThrows(IllegalArgumentException.class, () -> Models.get("efficientnet"));
        assertTrue(e.getMessage().contains("\"efficientnet\"") && e.getMessage().contains("efficientnet_b0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Models.get(null));
    }
}
