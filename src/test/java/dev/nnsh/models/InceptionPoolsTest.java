package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;

import org.junit.jupiter.api.Test;

import dev.nnsh.nn.ChannelsLastPadPool;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** Issue 11 (cnn): Inception v3's blocks with their poolings on oneDNN against the unfused pass (random weights and statistics). */
class InceptionPoolsTest {
    @Test void everyBlockKindMatchesTheUnfusedPass() {
        // A's input is NCHW (its pool stays in ND4J); B to E read channels-last concatenations: B's and D's max pools and
        // C's and E's average pools run on oneDNN
        Sequential net = new Sequential(new Inception3.InceptionA(16, 8), new Inception3.InceptionB(232), new Inception3.InceptionC(712, 16),
                new Inception3.InceptionD(768), new Inception3.InceptionE(1280));
        randomize(net, 41, 0.1);
        net.eval();
        Tensor.manualSeed(42);
        Tensor x = Tensor.randn(2, 16, 17, 17);
        Tensor want = unfused(() -> net.apply(x));
        long before = ChannelsLastPadPool.runs();
        Tensor got = net.apply(x);
        assertEquals(4, ChannelsLastPadPool.runs() - before, "poolings on oneDNN");
        assertClose(want, got, 1e-4, "Inception blocks");
        ChannelsLastPadPool.setEnabled(false);
        try {
            before = ChannelsLastPadPool.runs();
            assertClose(want, net.apply(x), 1e-4, "Inception blocks, pools switched off");
            assertEquals(0, ChannelsLastPadPool.runs() - before, "switched off: none on this path");
        } finally {
            ChannelsLastPadPool.setEnabled(true);
        }
    }
}
