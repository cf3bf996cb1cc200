package org.fairdial.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoAttributeTest {
    /** RFC 4568 section 3's example key. */
    private static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

    @Test
    void parsesLifetimeAndMkiAndWritesThemBack() throws SdpException {
        String value = "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4";
        CryptoAttribute c = CryptoAttribute.parse(value);
        assertEquals(1, c.tag());
        assertEquals(SrtpSuite.AES_CM_128_HMAC_SHA1_80, c.suite());
        assertEquals(1 << 20, c.lifetime());
        assertEquals(1, c.mki());
        assertEquals(4, c.mkiLength());
        assertEquals(30, c.keySalt().length);
        assertEquals(value, c.format());
        assertNotNull(c.usable(), "an MKI is not supported in packets");
    }

    @Test
    void parsesDecimalLifetimeAndSessionParams() throws SdpException {
        CryptoAttribute c = CryptoAttribute.parse("7 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|1000 KDR=0");
        assertEquals(1000, c.lifetime());
        assertEquals(-1, c.mki());
        assertNull(c.usable());
        assertEquals("7 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|1000 KDR=0", c.format());
        assertNotNull(CryptoAttribute.parse("2 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNENCRYPTED_SRTP")
                .usable());
    }

    @Test
    void unknownSuiteIsIgnoredNotAnError() throws SdpException {
        assertNull(CryptoAttribute.parse("1 AEAD_AES_256_GCM inline:" + KEY));
    }

    @Test
    void generatedKeysAreFreshAndRoundTrip() throws SdpException {
        CryptoAttribute a = CryptoAttribute.generate(3, SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        CryptoAttribute b = a.answeredWithOwnKey();
        assertEquals(a, CryptoAttribute.parse(a.format()));
        assertEquals(3, b.tag());
        assertTrue(!a.equals(b), "our answer carries our own key");
        assertTrue(!a.toString().contains(a.format().split("inline:")[1]), "toString never shows the key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "1 AES_CM_128_HMAC_SHA1_80",
        "x AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
        "0 AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
        "1 AES_CM_128_HMAC_SHA1_80 uri:" + KEY,
        "1 AES_CM_128_HMAC_SHA1_80 inline:not*base64",
        "1 AES_CM_128_HMAC_SHA1_80 inline:QUJD",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^49",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|0",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:0",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4|9",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|junk",
    })
    void badLinesAreSdpExceptions(String value) {
        SdpException e = assertThrows(SdpException.class, () -> CryptoAttribute.parse(value));
        assertTrue(e.getMessage().startsWith("bad a=crypto"), e.getMessage());
    }
}
