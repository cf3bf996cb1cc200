package org.fairdial.media.sdp;

/**
 * The crypto suites we negotiate (RFC 4568 section 6.2): AES in counter mode with a 128-bit key, a 112-bit salt
 * and HMAC-SHA1, with an 80-bit or a 32-bit tag. Order is preference: the 80-bit tag is the RFC's default.
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    /** Master key length in bytes. */
    public static final int KEY_LENGTH = 16;
    /** Master salt length in bytes. */
    public static final int SALT_LENGTH = 14;

    private final int tagLength;

    SrtpSuite(int tagLength) {
        this.tagLength = tagLength;
    }

    /** Authentication tag length in bytes, appended to every SRTP packet. */
    public int tagLength() {
        return tagLength;
    }

    /** The suite named {@code name} in an a=crypto line, or null. */
    public static SrtpSuite named(String name) {
        for (SrtpSuite suite : values()) {
            if (suite.name().equals(name)) {
                return suite;
            }
        }
        return null;
    }
}
