package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOpsHolder;

class NativeBuildTest {
    @Test void theLoadedNativeBuildIsOneDnn() {
        Tensor.zeros(1); // loads the backend
        String info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        assertTrue(info.contains("HAVE_ONEDNN"), "native build info lacks HAVE_ONEDNN:\n" + info);
    }

    @Test void noAvx512NativesAndOnlyLinuxX86Natives() {
        String cp = System.getProperty("java.class.path");
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            String jar = entry.substring(entry.lastIndexOf('/') + 1);
            assertFalse(jar.contains("avx512"), "AVX-512 natives on the classpath: " + jar);
            for (String os : new String[]{"windows", "macosx", "android", "ios", "linux-arm", "linux-ppc"}) {
                assertFalse(jar.contains("-" + os), "natives for another platform on the classpath: " + jar);
            }
        }
    }
}
