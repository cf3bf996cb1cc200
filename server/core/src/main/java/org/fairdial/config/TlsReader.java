package org.fairdial.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * Builds {@link TlsConfig} from {@code dialer.sip.tls} and checks the files now, so an expired certificate, a key
 * that does not match it or an unreadable file stops start-up (and a reload) with the key and the reason.
 */
final class TlsReader {
    private final ConfigReader r;
    private final Path baseDir;
    private final Instant now;

    TlsReader(ConfigReader reader, Path baseDir, Instant now) {
        this.r = reader;
        this.baseDir = baseDir;
        this.now = now;
    }

    TlsConfig read(String p) {
        int port = r.integer(p + ".port", 1, 65535);
        String cert = r.optString(p + ".certificate");
        String key = r.optString(p + ".private-key");
        String keystore = r.optString(p + ".keystore");
        String password = r.string(p + ".keystore-password");
        if (keystore != null && (cert != null || key != null)) {
            r.problem(p + ".keystore", "is set together with certificate/private-key: give one or the other");
        } else if (keystore == null && (cert == null || key == null)) {
            r.problem(p + (cert == null ? ".certificate" : ".private-key"), "is missing: transport tls needs"
                    + " certificate and private-key (PEM) or keystore (PKCS#12)");
        }
        List<String> protocols = new ArrayList<>();
        for (String v : r.strings(p + ".protocols")) {
            if (!TlsConfig.ALLOWED_PROTOCOLS.contains(v)) {
                r.problem(p + ".protocols", "names '" + v + "'; allowed: " + TlsConfig.ALLOWED_PROTOCOLS
                        + " (TLS 1.0 and 1.1 are deprecated by RFC 8996)");
            } else {
                protocols.add(v);
            }
        }
        if (protocols.isEmpty()) {
            r.problem(p + ".protocols", "must enable at least one of " + TlsConfig.ALLOWED_PROTOCOLS);
        }
        TlsConfig.ClientAuth clientAuth = r.enumValue(p + ".client-auth", TlsConfig.ClientAuth.class,
                TlsConfig.ClientAuth.NONE);
        String trust = r.optString(p + ".trust");
        if (clientAuth != TlsConfig.ClientAuth.NONE && trust == null) {
            r.problem(p + ".trust", "is missing: client-auth " + clientAuth.name().toLowerCase(Locale.ROOT)
                    + " checks peers' certificates against these CA certificates");
        }
        TlsConfig config = new TlsConfig(port, file(cert), file(key), file(keystore), password, protocols,
                r.strings(p + ".cipher-suites"), clientAuth, file(trust));
        if (keystore == null && (cert == null || key == null)) {
            return config;
        }
        check(p, config);
        return config;
    }

    /** Loads the files as the server will, and reports each failure at the key naming the file. */
    private void check(String p, TlsConfig config) {
        SSLContext context;
        try {
            context = TlsKeys.context(config, now);
        } catch (TlsFileException e) {
            r.problem(p + "." + keyOf(config, e.file()), e.getMessage());
            return;
        }
        List<String> supported = List.of(context.getSupportedSSLParameters().getCipherSuites());
        for (String suite : config.cipherSuites()) {
            if (!supported.contains(suite)) {
                r.problem(p + ".cipher-suites", "names '" + suite + "', which this JDK does not support");
            }
        }
    }

    private static String keyOf(TlsConfig config, Path file) {
        if (file.equals(config.privateKey())) {
            return "private-key";
        }
        if (file.equals(config.trust())) {
            return "trust";
        }
        return file.equals(config.keystore()) ? "keystore" : "certificate";
    }

    private Path file(String value) {
        if (value == null) {
            return null;
        }
        return baseDir == null ? Path.of(value) : baseDir.resolve(value);
    }
}
