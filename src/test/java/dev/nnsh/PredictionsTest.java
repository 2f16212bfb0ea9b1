package dev.nnsh;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nnsh.models.Models;
import dev.nnsh.tensor.Tensor;

/** topk's ranking and labels; ImageNet's class names. */
class PredictionsTest {
    @Test void imagenetClassesAreTorchvisionsThousand() {
        List<String> names = Models.imagenetClasses();
        assertEquals(1000, names.size());
        assertEquals("tench", names.get(0));
        assertEquals("toilet tissue", names.get(999));
        assertEquals(3, Models.IMAGENET_MEAN.length);
    }

    @Test void topkRanksAndLabels() {
        Tensor probs = Tensor.of(new float[]{0.1f, 0.5f, 0.15f, 0.25f}, 1, 4);
        var top = Predictions.top(probs, 3, List.of("cat", "dog", "fox", "owl"));
        assertEquals(List.of("dog", "owl", "fox"), top.stream().map(Predictions.Prediction::label).toList());
        assertEquals(" 1.  0.5000  dog (1)\n 2.  0.2500  owl (3)\n 3.  0.1500  fox (2)\n",
                Predictions.table(top).replace(System.lineSeparator(), "\n"));
        float[] thousand = new float[1000];
        thousand[1] = 1;
        assertEquals("goldfish", Predictions.top(Tensor.of(thousand, 1000), 1, null).get(0).label());
        assertEquals("class 2", Predictions.top(probs, 4, null).get(2).label());
        assertThrows(IllegalArgumentException.class, () -> Predictions.top(Tensor.zeros(2, 4), 1, null));
    }
}
