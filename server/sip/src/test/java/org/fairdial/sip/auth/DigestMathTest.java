package org.fairdial.sip.auth;

import org.fairdial.auth.DigestMath;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 2617 3.5's worked example, and the same inputs through the pieces. */
class DigestMathTest {
    private static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    @Test
    void rfc2617Section35Example() {
        String ha1 = DigestMath.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("939e7578ed9e3c518a452acee763bce9", ha1);
        assertEquals("6629fae49393a05397450978507c4ef1",
                DigestMath.response(ha1, NONCE, "00000001", "0a4f113b", "auth", "GET", "/dir/index.html"));
    }

    /** Without qop (RFC 2069 compatibility) nc and cnonce take no part: MD5(HA1:nonce:HA2). */
    @Test
    void withoutQop() {
        String ha1 = DigestMath.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String expected = "670fd8c2df070c60b045671b8b24ff02";
        assertEquals(expected, DigestMath.response(ha1, NONCE, null, null, null, "GET", "/dir/index.html"));
        assertEquals(expected, DigestMath.response(ha1, NONCE, "00000001", "0a4f113b", "", "GET", "/dir/index.html"));
    }

    @Test
    void sipRegister() {
        String ha1 = DigestMath.ha1("1001", "fairdial", "secret-1001");
        assertEquals("59cd15b510fc0e517f9cfeab80c319f1",
                DigestMath.response(ha1, "abc", null, null, null, "REGISTER", "sip:127.0.0.1"));
    }

    @Test
    void md5OfTextIsUtf8LowerCaseHex() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", DigestMath.md5Hex(""));
        assertEquals("39aff3a2bab6126f332b942af96d3366", DigestMath.md5Hex("GET:/dir/index.html"));
        assertEquals(DigestMath.md5Hex("caf\u00e9".getBytes(StandardCharsets.UTF_8)),
                DigestMath.md5Hex("caf\u00e9"));
        assertEquals("07117fe4a1ebd544965dc19573183da2", DigestMath.md5Hex("caf\u00e9"));
    }
}
