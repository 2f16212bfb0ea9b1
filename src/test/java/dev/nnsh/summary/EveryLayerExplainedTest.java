package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.nnsh.Nnsh;
import dev.nnsh.nn.Embedding;
import dev.nnsh.nn.GroupNorm;
import dev.nnsh.nn.LSTMCell;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.MultiheadAttention;
import dev.nnsh.nn.TransformerEncoderLayer;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** explain() has a formula of its own for every layer type in dev.nnsh.nn, found on the class path (so new layers are caught). */
class EveryLayerExplainedTest {
    /** Every concrete public Module subclass compiled into dev.nnsh.nn. */
    static List<Class<?>> layerClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(Module.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/nnsh/nn");
        assertTrue(Files.isDirectory(dir), "compiled classes are not in a directory: " + dir);
        List<Class<?>> layers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) continue;
                Class<?> c = Class.forName("dev.nnsh.nn." + name.substring(0, name.length() - 6));
                if (Module.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()) && Modifier.isPublic(c.getModifiers())) {
                    layers.add(c);
                }
            }
        }
        return layers;
    }

    @Test void everyLayerTypeHasADedicatedFormula() throws Exception {
        List<Class<?>> layers = layerClasses();
        assertTrue(layers.size() > 40, "found only " + layers);
        List<String> generic = new ArrayList<>();
        for (Class<?> c : layers) {
            if (LayerFormulas.CONTAINERS.contains(c)) continue;
            if (!LayerFormulas.hasDedicatedFormula(c)) generic.add(c.getSimpleName());
        }
        assertEquals(List.of(), generic, "layer types with only the generic text; add a formula in LayerFormulas");
    }

    private static String printed(Runnable r) {
        PrintStream old = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test void attentionCountsInAndOutProjections() {
        // in-proj 3·16·16 + 3·16 = 816, out-proj 16·16 + 16 = 272
        String text = printed(() -> Nnsh.explain(new MultiheadAttention(16, 4), 5, 2, 16));
        assertTrue(text.contains("MultiheadAttention  MultiheadAttention(embed_dim 16, 4 heads of 4)\n"
                + "  params     = in-proj (3·E·E + 3·E) + out-proj (E·E + E) = (3·16·16 + 3·16) + (16·16 + 16) = 816 + 272 = 1,088\n"), text);
        // separate projections for keys of width 8 and values of width 12: 16·16 + 16·8 + 16·12 + 48 = 624
        var net = new Module() {
            final MultiheadAttention attn = new MultiheadAttention(16, 4).kdim(8).vdim(12);
            @Override public Tensor forward(Tensor x) {
                return attn.apply(x, Tensor.shapeOnly(DType.FLOAT32, 7, 2, 8), Tensor.shapeOnly(DType.FLOAT32, 7, 2, 12));
            }
        };
        String kv = printed(() -> Nnsh.explain(net, 5, 2, 16));
        assertTrue(kv.contains("(16·16 + 16·8 + 16·12 + 3·16) + (16·16 + 16) = 624 + 272 = 896"), kv);
    }

    @Test void anEncoderLayerIsTheSumOfItsParts() {
        // self-attention 4·16·16 + 4·16 = 1,088; feed-forward (16+1)·32 + (32+1)·16 = 1,072; two norms 2·2·16 = 64
        String text = printed(() -> Nnsh.explain(new TransformerEncoderLayer(16, 4).dimFeedforward(32), 5, 2, 16));
        assertTrue(text.contains("TransformerEncoderLayer(d_model 16, nhead 4, dim_feedforward 32)\n"
                + "  params     = self_attn + feed-forward + 2 norms = 1,088 + 1,072 + 64 = 2,224\n"), text);
        assertTrue(text.contains("self_attn  MultiheadAttention(embed_dim 16"), text);
        assertTrue(text.contains("norm1  LayerNorm((16,), eps=1e-05, elementwise_affine=True)\n"
                + "  params     = 2·∏normalized_shape = 2·16 = 32"), text);
        assertTrue(text.contains("dropout1  Dropout(p=0.1, inplace=False)\n  params     = 0 (in training zeroes each element"), text);
    }

    @Test void embeddingNormsAndCellsShowTheirFormulas() {
        String emb = printed(() -> Nnsh.explain(new Embedding(10, 3), Nnsh.options().inputSize(2, 5).dtypes(DType.INT64)));
        assertTrue(emb.contains("params     = num_embeddings·embedding_dim = 10·3 = 30"), emb);
        assertTrue(emb.contains("output     = input shape + [embedding_dim] = [2, 5] + [3] = [2, 5, 3]"), emb);
        String ln = printed(() -> Nnsh.explain(new LayerNorm(4, 8), 2, 3, 4, 8));
        assertTrue(ln.contains("= 2·4·8 = 64"), ln);
        String gn = printed(() -> Nnsh.explain(new GroupNorm(2, 6), 2, 6, 5));
        assertTrue(gn.contains("params     = 2·C = 2·6 = 12"), gn);
        // LSTMCell: 4·20·(10 + 20 + 2) = 2,560
        String cell = printed(() -> Nnsh.explain(new LSTMCell(10, 20), 3, 10));
        assertTrue(cell.contains("params     = gates·H·(in + H + 2) = 4·20·(10 + 20 + 2) = 2,560"), cell);
        String relu = printed(() -> Nnsh.explain(new dev.nnsh.nn.ReLU(), 2, 3));
        assertTrue(relu.contains("params     = 0 (elementwise, y = max(0, x))"), relu);
    }
}
