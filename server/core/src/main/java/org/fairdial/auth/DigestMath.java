package org.fairdial.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 helpers of HTTP digest authentication as SIP uses it (RFC 2617, RFC 3261 22.4). */
public final class DigestMath {
    private DigestMath() {
    }

    public static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    public static String md5Hex(String text) {
        return md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** HA1 = MD5(username:realm:password). */
    public static String ha1(String user, String realm, String password) {
        return md5Hex(user + ":" + realm + ":" + password);
    }

    /**
     * The expected {@code response} of a digest Authorization: with qop=auth
     * MD5(HA1:nonce:nc:cnonce:qop:HA2), without qop MD5(HA1:nonce:HA2), where HA2 = MD5(method:uri).
     */
    public static String response(String ha1, String nonce, String nc, String cnonce, String qop, String method,
                                  String uri) {
        String ha2 = md5Hex(method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return md5Hex(ha1 + ":" + nonce + ":" + ha2);
        }
        return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
