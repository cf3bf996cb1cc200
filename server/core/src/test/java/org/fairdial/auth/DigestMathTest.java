package org.fairdial.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The worked examples of RFC 7616 3.9.1 (MD5 and SHA-256, qop=auth), the algorithms RFC 8760 gives SIP. */
class DigestMathTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void md5ResponseOfRfc7616Example() {
        String ha1 = DigestMath.ha1(DigestMath.MD5, "Mufasa", "http-auth@example.org", "Circle of Life");
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestMath.response(DigestMath.MD5, ha1, NONCE,
                "00000001", CNONCE, "auth", "GET", "/dir/index.html"));
    }

    @Test
    void sha256ResponseOfRfc7616Example() {
        String ha1 = DigestMath.ha1(DigestMath.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life");
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestMath.response(DigestMath.SHA_256, ha1, NONCE, "00000001", CNONCE, "auth", "GET",
                        "/dir/index.html"));
    }

    @Test
    void md5OverloadsKeepTheirMeaning() {
        String ha1 = DigestMath.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
        assertEquals(DigestMath.ha1(DigestMath.MD5, "Mufasa", "http-auth@example.org", "Circle of Life"), ha1);
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestMath.response(ha1, NONCE, "00000001", CNONCE,
                "auth", "GET", "/dir/index.html"));
        assertEquals(64, DigestMath.ha1(DigestMath.SHA_256, "1001", "fairdial", "pw").length());
    }
}
