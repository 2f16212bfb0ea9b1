package dev.nnsh.models.vision;

import java.util.function.LongFunction;
import java.util.function.Supplier;

import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;

/**
 * torchvision's {@code MLP}: for each hidden size but the last, Linear, optional norm, activation,
 * Dropout; then Linear to the last size and Dropout. Children named 0, 1, ...
 */
public class MLP extends Sequential {
    /** inplace null: the activation and dropout get no inplace flag (print as inplace=False). */
    public MLP(long in, long[] hidden, LongFunction<? extends Module> normLayer, Supplier<? extends Module> activationLayer,
               Boolean inplace, boolean bias, double dropout) {
        boolean flag = inplace != null && inplace;
        long dim = in;
        for (int i = 0; i < hidden.length - 1; i++) {
            add(new Linear(dim, hidden[i], bias));
            if (normLayer != null) add(normLayer.apply(hidden[i]));
            add(activationLayer.get());
            add(new Dropout(dropout, flag));
            dim = hidden[i];
        }
        add(new Linear(dim, hidden[hidden.length - 1], bias));
        add(new Dropout(dropout, flag));
    }
}
