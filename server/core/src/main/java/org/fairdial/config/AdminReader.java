package org.fairdial.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link AdminConfig} from {@code dialer.admin} and checks its rules. */
final class AdminReader {
    private final ConfigReader r;
    private final Path baseDir;

    AdminReader(ConfigReader reader, Path baseDir) {
        this.r = reader;
        this.baseDir = baseDir;
    }

    AdminConfig read(String p) {
        boolean enabled = r.bool(p + ".enabled");
        String bind = r.string(p + ".bind-address");
        if (bind.isBlank()) {
            r.problem(p + ".bind-address", "must name an address to listen on, e.g. 127.0.0.1");
        }
        int port = r.integer(p + ".port", 0, 65535);
        AdminConfig.Tls tls = tls(p + ".tls");
        List<AdminConfig.Token> tokens = new ArrayList<>();
        Map<String, String> byHash = new HashMap<>();
        for (String name : r.keys(p + ".tokens")) {
            AdminConfig.Token token = token(p + ".tokens." + name, name);
            String earlier = byHash.putIfAbsent(token.sha256(), name);
            if (earlier != null && !token.sha256().isEmpty()) {
                r.problem(p + ".tokens." + name + ".sha256", "is the same token as " + earlier
                        + "'s; every holder needs their own token for the audit log to mean anything");
            }
            tokens.add(token);
        }
        return new AdminConfig(enabled, bind, port, tls, tokens, r.bool(p + ".metrics-public"),
                r.integer(p + ".events.client-buffer", 8, 100_000), r.integer(p + ".cdr.max-rows", 1, 100_000),
                r.integer(p + ".events.max-clients", 1, 100_000), r.integer(p + ".auth.max-failures", 1, 1_000_000),
                r.duration(p + ".auth.failure-window"));
    }

    private AdminConfig.Token token(String p, String name) {
        AdminConfig.Role role = r.enumValue(p + ".role", AdminConfig.Role.class, AdminConfig.Role.VIEWER);
        String hash = r.string(p + ".sha256").toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            r.problem(p + ".sha256", "must be 64 hex digits: the SHA-256 of the token, e.g. printf %s TOKEN"
                    + " | sha256sum");
        }
        return new AdminConfig.Token(name, role, hash);
    }

    private AdminConfig.Tls tls(String p) {
        String cert = r.optString(p + ".certificate");
        String key = r.optString(p + ".private-key");
        if (cert == null && key == null) {
            return null;
        }
        if (cert == null || key == null) {
            r.problem(p + (cert == null ? ".certificate" : ".private-key"),
                    "is missing: HTTPS needs both certificate and private-key");
            return null;
        }
        Path certFile = pem(p + ".certificate", cert, "CERTIFICATE-----");
        Path keyFile = pem(p + ".private-key", key, "PRIVATE KEY-----");
        return new AdminConfig.Tls(certFile, keyFile);
    }

    /** A PEM file that exists and holds a block whose BEGIN line ends with {@code marker}. */
    private Path pem(String path, String value, String marker) {
        Path file = baseDir == null ? Path.of(value) : baseDir.resolve(value);
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN ") || !text.contains(marker)) {
                r.problem(path, "is not a PEM file with a " + marker.replace("-", "") + " block");
            } else if (text.contains("ENCRYPTED PRIVATE KEY") || text.contains("RSA PRIVATE KEY")
                    || text.contains("EC PRIVATE KEY")) {
                r.problem(path, "must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with"
                        + " openssl pkcs8 -topk8 -nocrypt");
            }
        } catch (IOException e) {
            r.problem(path, "cannot be read: " + file);
        }
        return file;
    }
}
