package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignerTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test void signsWithHmacSha256OverTheConcatenatedParts() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        Signer s = new Signer("Jefe");
        assertEquals(expected, s.sign(b("what do ya want for nothing?")));
        assertEquals(expected, s.sign(b("what do ya "), b("want for "), b("nothing?")));
    }

    @Test void rejectsAnotherKeysSignatureAndAlteredContent() {
        Signer kernel = new Signer("kernel-key");
        String good = kernel.sign(b("{}"), b("{}"), b("{}"), b("{\"code\":\"1\"}"));
        assertTrue(kernel.verify(good, b("{}"), b("{}"), b("{}"), b("{\"code\":\"1\"}")));
        assertFalse(kernel.verify(good, b("{}"), b("{}"), b("{}"), b("{\"code\":\"2\"}")));
        String forged = new Signer("other-key").sign(b("{}"), b("{}"), b("{}"), b("{\"code\":\"1\"}"));
        assertFalse(kernel.verify(forged, b("{}"), b("{}"), b("{}"), b("{\"code\":\"1\"}")));
        assertFalse(kernel.verify("", b("{}"), b("{}"), b("{}"), b("{\"code\":\"1\"}")));
    }

    @Test void anEmptyKeyMeansUnsignedMessages() {
        assertEquals("", new Signer("").sign(b("x")));
        assertTrue(new Signer("").verify("", b("x")));
    }
}
