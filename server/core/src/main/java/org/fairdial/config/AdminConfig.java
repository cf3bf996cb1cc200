package org.fairdial.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The operator HTTP surface ({@code dialer.admin}): API, event stream, metrics and wallboard.
 *
 * @param enabled       serve it at all
 * @param bindAddress   address the HTTP listener binds to (loopback by default: put a proxy in front otherwise)
 * @param port          TCP port
 * @param tls           certificate and key for HTTPS, or null for plain HTTP
 * @param tokens        bearer tokens, by name; only their SHA-256 hashes are kept
 * @param metricsPublic {@code GET /metrics} without a token (a scraper on a trusted network)
 * @param eventBuffer   events queued for one event-stream client before it is dropped as too slow
 * @param cdrMaxRows    most CDR rows one query returns
 * @param eventMaxClients event streams open at once; the next client gets 503
 * @param authMaxFailures failed token attempts one source address may make per {@code authFailureWindow}
 *                        before it is refused (429) without its token being checked or each refusal audited
 * @param authFailureWindow the window of {@code authMaxFailures}
 */
public record AdminConfig(boolean enabled, String bindAddress, int port, Tls tls, List<Token> tokens,
                          boolean metricsPublic, int eventBuffer, int cdrMaxRows, int eventMaxClients,
                          int authMaxFailures, Duration authFailureWindow) {

    public AdminConfig {
        tokens = List.copyOf(tokens);
    }

    /** Off: what a config built without a {@code dialer.admin} section gets. */
    public static AdminConfig disabled() {
        return new AdminConfig(false, "127.0.0.1", 8080, null, List.of(), false, 256, 1000, 64, 10,
                Duration.ofMinutes(1));
    }

    /**
     * HTTPS settings.
     *
     * @param certificate PEM certificate chain
     * @param privateKey  PEM PKCS#8 private key (unencrypted)
     */
    public record Tls(Path certificate, Path privateKey) {
    }

    /**
     * One API token.
     *
     * @param name   who holds it (written to the audit log)
     * @param role   what it may do
     * @param sha256 lower-case hex SHA-256 of the token's UTF-8 bytes
     */
    public record Token(String name, Role role, String sha256) {
    }

    /** What a token may do; each role includes everything the roles below it may. */
    public enum Role {
        /** Read-only: lists, statistics, events, metrics. */
        VIEWER,
        /** Also start and pause campaigns, pause, ready and log out agents. */
        SUPERVISOR,
        /** Everything: stop campaigns, hang up calls, do-not-call list, config validation and reload. */
        ADMIN;

        /** True when this role includes {@code required}. */
        public boolean covers(Role required) {
            return compareTo(required) >= 0;
        }

        /** The name used in config and JSON: {@code viewer}, {@code supervisor}, {@code admin}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
