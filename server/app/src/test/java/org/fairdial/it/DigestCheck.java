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

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
