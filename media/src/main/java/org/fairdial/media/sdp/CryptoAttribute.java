package org.fairdial.media.sdp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One RFC 4568 {@code a=crypto} attribute with a single inline key:
 * {@code <tag> <suite> inline:<base64 key||salt>[|<lifetime>][|<MKI>:<length>] [<session params>]}.
 *
 * <p>The lifetime (decimal or {@code 2^n}) and the MKI are parsed and kept; a line we could not honour (an MKI in
 * packets, several keys, a session parameter that switches encryption or authentication off) is still parsed, and
 * {@link #usable()} says why it is not. A malformed line is an {@link SdpException} naming it.
 *
 * @param tag        the line's tag (1-999999999), echoed in the answer
 * @param suite      the crypto suite
 * @param keySalt    master key followed by master salt (30 bytes)
 * @param lifetime   the key's lifetime in packets, or -1 if not given
 * @param mki        the MKI value, or -1 if none
 * @param mkiLength  the MKI length in bytes, or 0 if none
 * @param keyCount   how many inline keys the line carries
 * @param sessionParams the session parameters as written (may be empty)
 */
public record CryptoAttribute(int tag, SrtpSuite suite, byte[] keySalt, long lifetime, long mki, int mkiLength,
                              int keyCount, List<String> sessionParams) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_SALT_LENGTH = SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH;
    /** RFC 3711 section 9.2: an SRTP master key is good for at most 2^48 packets. */
    private static final long MAX_LIFETIME = 1L << 48;

    public CryptoAttribute {
        keySalt = keySalt.clone();
        sessionParams = List.copyOf(sessionParams);
    }

    /** A fresh random key for {@code suite}, under {@code tag}. */
    public static CryptoAttribute generate(int tag, SrtpSuite suite) {
        byte[] keySalt = new byte[KEY_SALT_LENGTH];
        RANDOM.nextBytes(keySalt);
        return new CryptoAttribute(tag, suite, keySalt, -1, -1, 0, 1, List.of());
    }

    /** This line with a fresh random key of our own: our answer to it (RFC 4568 section 7.1.2). */
    public CryptoAttribute answeredWithOwnKey() {
        return generate(tag, suite);
    }

    @Override
    public byte[] keySalt() {
        return keySalt.clone();
    }

    /** The master key. */
    public byte[] masterKey() {
        return Arrays.copyOfRange(keySalt, 0, SrtpSuite.KEY_LENGTH);
    }

    /** The master salt. */
    public byte[] masterSalt() {
        return Arrays.copyOfRange(keySalt, SrtpSuite.KEY_LENGTH, KEY_SALT_LENGTH);
    }

    /** Null if we can use this line as it is, else why not (for the SdpException when no line is usable). */
    public String usable() {
        if (keyCount != 1) {
            return "a=crypto:" + tag + " has " + keyCount + " keys; only one inline key is supported";
        }
        if (mkiLength > 0) {
            return "a=crypto:" + tag + " uses an MKI; SRTP packets without MKI only";
        }
        for (String param : sessionParams) {
            if (param.equals("UNENCRYPTED_SRTP") || param.equals("UNAUTHENTICATED_SRTP")
                    || param.startsWith("FEC_ORDER") || param.startsWith("FEC_KEY")
                    || (param.startsWith("KDR") && !param.equals("KDR=0"))) {
                return "a=crypto:" + tag + " asks for " + param + ", which is not supported";
            }
        }
        return null;
    }

    /** The attribute value, without {@code a=crypto:}. */
    public String format() {
        StringBuilder line = new StringBuilder(80).append(tag).append(' ').append(suite.name()).append(" inline:")
                .append(Base64.getEncoder().encodeToString(keySalt));
        if (lifetime > 0) {
            line.append('|').append(Long.bitCount(lifetime) == 1 ? "2^" + Long.numberOfTrailingZeros(lifetime)
                    : Long.toString(lifetime));
        }
        if (mkiLength > 0) {
            line.append('|').append(mki).append(':').append(mkiLength);
        }
        for (String param : sessionParams) {
            line.append(' ').append(param);
        }
        return line.toString();
    }

    /**
     * Parses an attribute value (what follows {@code a=crypto:}). An unknown suite yields null: RFC 4568 section
     * 6.2 says the answerer just ignores lines with suites it does not know.
     */
    public static CryptoAttribute parse(String value) throws SdpException {
        String[] fields = value.strip().split("\\s+");
        if (fields.length < 3) {
            throw bad(value, "expected <tag> <crypto-suite> <key-params>");
        }
        int tag = tag(fields[0], value);
        SrtpSuite suite = SrtpSuite.named(fields[1]);
        if (suite == null) {
            return null;
        }
        String[] keys = fields[2].split(";");
        Key first = key(keys[0], value);
        for (int i = 1; i < keys.length; i++) {
            key(keys[i], value);
        }
        return new CryptoAttribute(tag, suite, first.keySalt, first.lifetime, first.mki, first.mkiLength,
                keys.length, Arrays.asList(fields).subList(3, fields.length));
    }

    private record Key(byte[] keySalt, long lifetime, long mki, int mkiLength) {
    }

    private static Key key(String param, String value) throws SdpException {
        if (!param.startsWith("inline:")) {
            throw bad(value, "key method must be inline");
        }
        String[] parts = param.substring("inline:".length()).split("\\|", -1);
        if (parts.length > 3) {
            throw bad(value, "too many '|' in the key parameter");
        }
        byte[] keySalt;
        try {
            keySalt = Base64.getDecoder().decode(parts[0]);
        } catch (IllegalArgumentException e) {
            throw bad(value, "key is not base64");
        }
        if (keySalt.length != KEY_SALT_LENGTH) {
            throw bad(value, "key and salt must be " + KEY_SALT_LENGTH + " bytes, not " + keySalt.length);
        }
        long lifetime = -1;
        long mki = -1;
        int mkiLength = 0;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].contains(":")) {
                String[] mkiParts = parts[i].split(":", 2);
                mki = number(mkiParts[0], value, "MKI");
                mkiLength = (int) number(mkiParts[1], value, "MKI length");
                if (mkiLength < 1 || mkiLength > 128) {
                    throw bad(value, "MKI length must be 1-128");
                }
            } else if (i == 1) {
                lifetime = lifetime(parts[i], value);
            } else {
                throw bad(value, "expected <MKI>:<length> after the lifetime");
            }
        }
        return new Key(keySalt, lifetime, mki, mkiLength);
    }

    private static long lifetime(String text, String value) throws SdpException {
        long lifetime;
        if (text.startsWith("2^")) {
            long exponent = number(text.substring(2), value, "lifetime exponent");
            if (exponent > 48) {
                throw bad(value, "lifetime above 2^48 packets (RFC 3711 section 9.2)");
            }
            lifetime = 1L << exponent;
        } else {
            lifetime = number(text, value, "lifetime");
        }
        if (lifetime < 1 || lifetime > MAX_LIFETIME) {
            throw bad(value, "lifetime must be 1 to 2^48 packets");
        }
        return lifetime;
    }

    private static int tag(String text, String value) throws SdpException {
        long tag = number(text, value, "tag");
        if (tag < 1 || tag > 999_999_999 || text.length() > 9) {
            throw bad(value, "tag must be 1-999999999");
        }
        return (int) tag;
    }

    private static long number(String text, String value, String what) throws SdpException {
        if (text.isEmpty() || text.length() > 15 || !text.chars().allMatch(Character::isDigit)) {
            throw bad(value, what + " '" + text + "' is not a number");
        }
        return Long.parseLong(text);
    }

    private static SdpException bad(String value, String why) {
        String quoted = value.length() <= 60 ? value : value.substring(0, 60) + "...";
        return new SdpException("bad a=crypto '" + quoted + "': " + why);
    }

    @Override
    public String toString() {
        // Never the key: this ends up in logs.
        return "a=crypto:" + tag + " " + suite;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CryptoAttribute c && tag == c.tag && suite == c.suite && Arrays.equals(keySalt, c.keySalt)
                && lifetime == c.lifetime && mki == c.mki && mkiLength == c.mkiLength && keyCount == c.keyCount
                && sessionParams.equals(c.sessionParams);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(keySalt);
    }
}
