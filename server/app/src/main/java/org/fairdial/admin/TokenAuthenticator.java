package org.fairdial.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.fairdial.config.AdminConfig;

/**
 * Checks bearer tokens (RFC 6750) against the configured SHA-256 hashes. The presented token is hashed and
 * compared with every configured hash in constant time, without stopping at a match, so neither the comparison
 * nor the loop tells an attacker how close a guess was or which entry it hit.
 */
final class TokenAuthenticator {
    private static final String SCHEME = "bearer ";

    private final List<Entry> entries;

    TokenAuthenticator(List<AdminConfig.Token> tokens) {
        this.entries = tokens.stream()
                .map(t -> new Entry(new Principal(t.name(), t.role()), HexFormat.of().parseHex(t.sha256())))
                .toList();
    }

    /** The holder of {@code token}, if it is one of ours. */
    Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        Principal found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The token of an {@code Authorization: Bearer <token>} header; null when absent or another scheme. */
    static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? null : token;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Entry(Principal principal, byte[] hash) {
    }
}
