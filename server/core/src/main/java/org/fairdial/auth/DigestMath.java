package org.fairdial.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Helpers of HTTP digest authentication as SIP uses it (RFC 2617, RFC 3261 22.4), with the algorithms RFC 8760
 * brings to SIP: {@code MD5} and {@code SHA-256} (RFC 7616 3.4.2; the arithmetic is the same, only the hash
 * differs, so an account needs one HA1 per algorithm).
 */
public final class DigestMath {
    /** RFC 8760 algorithm names, as they appear in {@code algorithm=}. */
    public static final String MD5 = "MD5";
    public static final String SHA_256 = "SHA-256";

    private DigestMath() {
    }

    public static String md5Hex(byte[] data) {
        return hex(MD5, data);
    }

    public static String md5Hex(String text) {
        return md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hex digest of {@code data} with {@code algorithm} ({@link #MD5} or {@link #SHA_256}). */
    public static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("digest algorithm " + algorithm + " is not MD5 or SHA-256", e);
        }
    }

    private static String hex(String algorithm, String text) {
        return hex(algorithm, text.getBytes(StandardCharsets.UTF_8));
    }

    /** HA1 = MD5(username:realm:password). */
    public static String ha1(String user, String realm, String password) {
        return ha1(MD5, user, realm, password);
    }

    /** HA1 = H(username:realm:password) with H = {@code algorithm}. */
    public static String ha1(String algorithm, String user, String realm, String password) {
        return hex(algorithm, user + ":" + realm + ":" + password);
    }

    /**
     * The expected {@code response} of an MD5 digest Authorization: with qop=auth MD5(HA1:nonce:nc:cnonce:qop:HA2),
     * without qop MD5(HA1:nonce:HA2), where HA2 = MD5(method:uri).
     */
    public static String response(String ha1, String nonce, String nc, String cnonce, String qop, String method,
                                  String uri) {
        return response(MD5, ha1, nonce, nc, cnonce, qop, method, uri);
    }

    /** {@link #response(String, String, String, String, String, String, String)} with hash {@code algorithm}. */
    public static String response(String algorithm, String ha1, String nonce, String nc, String cnonce, String qop,
                                  String method, String uri) {
        String ha2 = hex(algorithm, method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return hex(algorithm, ha1 + ":" + nonce + ":" + ha2);
        }
        return hex(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
