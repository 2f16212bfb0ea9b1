package dev.nnsh.nn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nnsh.io.Weights;
import dev.nnsh.io.WeightsException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** load_state_dict with PyTorch's strict and non-strict rules, and loading straight from a file. */
final class StateDictLoader {
    private StateDictLoader() {}

    /**
     * Copies the matching tensors in. Shape mismatches are always an error (nothing loaded); missing and
     * unexpected keys are an error when strict, else reported in the result.
     */
    static IncompatibleKeys load(Module module, Map<String, Tensor> state, boolean strict) {
        Map<String, LazyTensor> targets = new LinkedHashMap<>(module.namedParameters());
        targets.putAll(module.namedBuffers());
        List<String> missing = new ArrayList<>();
        for (String key : targets.keySet()) if (!state.containsKey(key)) missing.add(key);
        List<String> unexpected = new ArrayList<>();
        for (String key : state.keySet()) if (!targets.containsKey(key)) unexpected.add(key);
        List<String> problems = new ArrayList<>();
        if (strict && !missing.isEmpty()) problems.add("Missing key(s) in state_dict: " + quoted(missing) + ".");
        if (strict && !unexpected.isEmpty()) problems.add("Unexpected key(s) in state_dict: " + quoted(unexpected) + ".");
        for (var e : targets.entrySet()) {
            Tensor value = state.get(e.getKey());
            if (value != null && !Arrays.equals(value.shape(), e.getValue().shape())) {
                problems.add("size mismatch for " + e.getKey() + ": copying a param with shape "
                        + Shapes.format(value.shape()) + " from checkpoint, the shape in current model is "
                        + Shapes.format(e.getValue().shape()) + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + module.typeName() + ":\n\t"
                    + String.join("\n\t", problems));
        }
        for (var e : targets.entrySet()) {
            Tensor value = state.get(e.getKey());
            if (value != null) e.getValue().set(value);
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    static IncompatibleKeys loadFile(Module module, Path file, boolean strict) {
        Map<String, Tensor> state = Weights.load(file);
        try {
            return load(module, state, strict);
        } catch (IllegalArgumentException e) {
            throw new WeightsException(file, e.getMessage(), e);
        }
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "\"" + k + "\"").toList());
    }
}
