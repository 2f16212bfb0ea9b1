package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** apply's inputs: the first is required; later ones may be null, like PyTorch's optional None arguments. */
class ModuleInputsTest {
    /** Adds the optional second input when given. */
    static class AddOptional extends Module {
        @Override public Tensor forward(Tensor... inputs) {
            return inputs.length > 1 && inputs[1] != null ? inputs[0].add(inputs[1]) : inputs[0];
        }
    }

    @Test void laterInputsMayBeNull() {
        Tensor x = Tensor.ones(2);
        assertEquals(2.0, new AddOptional().apply(x, null).sum().item(), 1e-6);
        assertEquals(4.0, new AddOptional().apply(x, Tensor.ones(2)).sum().item(), 1e-6);
    }

    @Test void aMissingFirstInputIsNamed() {
        var e = assertThrows(ModuleException.class, () -> new AddOptional().apply((Tensor) null, Tensor.ones(2)));
        assertTrue(e.getMessage().contains("AddOptional") && e.getMessage().contains("input 0 is null"), e.getMessage());
        var none = assertThrows(ModuleException.class, () -> new AddOptional().apply(new Tensor[0]));
        assertTrue(none.getMessage().contains("no input given"), none.getMessage());
    }
}
