package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Javadoc read from nnsh's own sources for the signatures JShell prints (signatures as JShell gives them). */
class SourceJavadocTest {
    private final SourceJavadoc sources = new SourceJavadoc(Path.of("src/main/java"));

    @Test void aMethodsSummaryHasItsInlineCodeAsPlainText() {
        assertEquals("x[:, i] for dim 1: removes the dim.", sources.javadoc("Tensor Tensor.select(int dim, long index)"));
    }

    @Test void anOverloadedConstructorIsMatchedByItsParameters() {
        assertEquals("nn.Parameter(tensor): the given values (kept as they are).",
                sources.javadoc("dev.nnsh.nn.Parameter(Tensor value)"));
        String supplied = sources.javadoc("dev.nnsh.nn.Parameter(java.util.function.Supplier<Tensor> value)");
        assertTrue(supplied != null && !supplied.startsWith("nn.Parameter(tensor)"), supplied);
    }

    @Test void aClassGivesItsOwnComment() {
        assertEquals("An n-dimensional array with PyTorch semantics: either real (backed by an ND4J INDArray) or"
                + " shape-only (a shape and a dtype, no data).", Requests.summary(sources.javadoc("dev.nnsh.tensor.Tensor")));
    }

    @Test void blockTagsAreNotPartOfTheText() {
        assertEquals("", sources.javadoc("Tensor ScaledDotProductAttention.compute(Tensor q, Tensor k, Tensor v,"
                + " Tensor mask, double dropoutP, boolean isCausal, Double scale)"));
    }

    @Test void whatIsNotInNnshsSourcesHasNone() {
        assertNull(sources.javadoc("int Math.max(int a, int b)"));
        assertNull(sources.javadoc("Tensor Tensor.select(int dim, Tensor index)"));
    }

    @Test void theCheckoutIsFoundFromTheLoadedClasses() {
        assertTrue(SourceJavadoc.ofCheckout().isPresent());
    }

    @Test void parametersLeaveOutPackagesGenericsAndModifiers() {
        assertEquals(List.of("Map m", "long... shape"),
                SourceJavadoc.parameters("final java.util.Map<String, Integer> m, @Deprecated long... shape"));
    }
}
