package org.fairdial.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recomputes an RFC 2617 digest response from a captured Authorization value, independently of the server. */
final class DigestCheck {
    private DigestCheck() {
    }

    static String param(String header, String name) {
        Matcher m = Pattern.compile("(?i)\\b" + name + "=\"?([^\",]*)\"?").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    static String expected(String user, String realm, String password, String method, String header) {
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + param(header, "uri"));
        String qop = param(header, "qop");
        String nonce = param(header, "nonce");
        return qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + param(header, "nc") + ":" + param(header, "cnonce") + ":" + qop + ":"
                        + ha2);
    }

    /** The same with SHA-256 as the hash (RFC 7616 3.4.2, RFC 8760). */
    static String expectedSha256(String user, String realm, String password, String method, String header) {
        String ha1 = hash("SHA-256", user + ":" + realm + ":" + password);
        String ha2 = hash("SHA-256", method + ":" + param(header, "uri"));
        String qop = param(header, "qop");
        String nonce = param(header, "nonce");
        return qop == null ? hash("SHA-256", ha1 + ":" + nonce + ":" + ha2)
                : hash("SHA-256", ha1 + ":" + nonce + ":" + param(header, "nc") + ":" + param(header, "cnonce") + ":"
                        + qop + ":" + ha2);
    }

    private static String md5(String s) {
        return hash("MD5", s);
    }

    private static String hash(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
