package org.fairdial.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Admin API tokens for test configs: {@code dialer.admin.tokens.X.sha256} holds a token's SHA-256, never the token. */
final class AdminTokens {
    private AdminTokens() {
    }

    static String sha256(String token) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
