package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic checks, run over every entry of {@link LayerCatalogue}. */
class LayerCatalogueTest {
    static List<LayerCatalogue.Entry> entries() { return LayerCatalogue.ENTRIES; }

    static List<LayerCatalogue.Entry> callable() {
        return entries().stream().filter(e -> e.input() != null).toList();
    }

    @ParameterizedTest(name = "{0}") @MethodSource("entries")
    void printsAsPyTorchDoes(LayerCatalogue.Entry e) {
        assertEquals(e.printed(), e.factory().get().toString());
    }

    @ParameterizedTest(name = "{0}") @MethodSource("entries")
    void countsParametersAsPyTorchDoes(LayerCatalogue.Entry e) {
        assertEquals(e.params(), e.factory().get().numParams());
    }

    @ParameterizedTest(name = "{0}") @MethodSource("callable")
    void aShapeOnlyPassGivesTheRealShapeAndMaterialisesNothing(LayerCatalogue.Entry e) {
        Module shapes = e.factory().get().eval();
        Tensor input = e.input().get();
        Tensor predicted = shapes.apply(Tensor.shapeOnly(input.dtype(), input.shape()));
        assertTrue(predicted.isShapeOnly());
        assertTrue(shapes.parameters().stream().noneMatch(Parameter::isMaterialized), "a shape-only pass allocated parameters");
        assertArrayEquals(e.factory().get().eval().apply(input).shape(), predicted.shape());
    }

    @ParameterizedTest(name = "{0}") @MethodSource("callable")
    void computesWhatItsReferenceComputes(LayerCatalogue.Entry e) {
        Tensor.manualSeed(11);
        Module layer = e.factory().get().eval();
        Tensor input = e.input().get();
        Tensor output = layer.apply(input);
        if (e.reference() == null) {
            assertNotNull(e.valuesCheckedBy(), e.name() + " has neither a reference nor a test that checks its values");
            return;
        }
        Reference.assertClose(e.reference().of(layer, input), output);
    }

    @Test void namesAreUniqueAndSorted() {
        List<String> names = entries().stream().map(LayerCatalogue.Entry::name).toList();
        assertEquals(names.stream().sorted().distinct().toList(), names, "one entry per layer, in name order");
    }

    @Test void everyPublicLayerHasAnEntry() throws Exception {
        Set<String> catalogued = entries().stream().map(LayerCatalogue.Entry::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> layers = publicLayers();
        assertTrue(layers.size() >= 40, "the scan found only " + layers);
        Set<String> missing = new TreeSet<>(layers);
        missing.removeAll(catalogued);
        assertTrue(missing.isEmpty(), "public layers without a LayerCatalogue entry: " + missing);
        Set<String> stale = new TreeSet<>(catalogued);
        stale.removeAll(layers);
        assertTrue(stale.isEmpty(), "entries for no public layer: " + stale);
    }

    /** Public, concrete, top-level Module subclasses in dev.nnsh.nn, from the compiled classes. */
    private static Set<String> publicLayers() throws Exception {
        Path dir = Path.of(Module.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/nnsh/nn");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.contains("$")) continue;
                Class<?> c = Class.forName("dev.nnsh.nn." + file.substring(0, file.length() - ".class".length()));
                int mods = c.getModifiers();
                if (Module.class.isAssignableFrom(c) && Modifier.isPublic(mods) && !Modifier.isAbstract(mods)) {
                    out.add(c.getSimpleName());
                }
            }
        }
        return out;
    }
}
