package org.fairdial.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.fairdial.app.DialerServer;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.it.SippBridge;
import org.fairdial.it.TestDialer;
import org.fairdial.privacy.PersonalData;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;

/**
 * A real dialer with the admin surface on a free loopback port, three tokens (one per role), three agents and one
 * campaign ({@code it}, dialing off) through a trunk on a free port, with an H2 store in the test's directory.
 */
final class AdminFixture implements AutoCloseable {
    static final String ADMIN = "admin-token-0123456789";
    static final String SUPERVISOR = "supervisor-token-0123456789";
    static final String VIEWER = "viewer-token-0123456789";

    final DialerServer server;
    final int trunkPort;
    final URI base;
    final HttpClient http;

    private AdminFixture(DialerServer server, int trunkPort, SSLContext tls) {
        this.server = server;
        this.trunkPort = trunkPort;
        this.base = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + server.admin().port());
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        this.http = (tls == null ? client : client.sslContext(tls)).build();
    }

    static Builder in(Path dir) {
        return new Builder(dir);
    }

    static String sha256(String token) {
        return HexFormat.of().formatHex(TokenAuthenticator.sha256(token));
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
    }

    static final class Builder {
        private final Path dir;
        private final List<String> leads = new ArrayList<>();
        private final List<CdrLeg> seed = new ArrayList<>();
        private String admin = "";
        private String extra = "";
        private boolean dialing;
        private SSLContext tls;

        private Builder(Path dir) {
            this.dir = dir;
        }

        Builder leads(String... numbers) {
            leads.addAll(List.of(numbers));
            return this;
        }

        /** More keys for {@code dialer.admin}, e.g. {@code metrics-public = true}. */
        Builder admin(String hocon) {
            admin += "\n" + hocon;
            return this;
        }

        /** More top-level HOCON, e.g. do-not-call registries. */
        Builder extra(String hocon) {
            extra += "\n" + hocon;
            return this;
        }

        /** Serves HTTPS with these PEM files; the fixture's client trusts {@code trust}. */
        Builder tls(Path certificate, Path privateKey, SSLContext trust) {
            admin += "\ntls { certificate = \"" + certificate + "\", private-key = \"" + privateKey + "\" }";
            tls = trust;
            return this;
        }

        Builder dialing() {
            dialing = true;
            return this;
        }

        /** CDR rows stored before the server starts (campaign counts are seeded from them). */
        Builder seed(List<CdrLeg> legs) {
            seed.addAll(legs);
            return this;
        }

        AdminFixture start() throws Exception {
            TestDialer.Builder dialer = TestDialer.in(dir).leads(leads.toArray(String[]::new))
                    .agent("alice", "pw-alice", "Alice").agent("bruno", "pw-bruno", "Bruno")
                    .agent("carla", "pw-carla", "Carla").extra("""
                            dialer.admin {
                              enabled = true
                              port = 0
                              tokens {
                                ops { role = admin, sha256 = "%s" }
                                floor { role = supervisor, sha256 = "%s" }
                                screen { role = viewer, sha256 = "%s" }
                              }
                              # The ITs' many deliberate refusals all come from 127.0.0.1.
                              auth.max-failures = 1000000
                              %s
                            }
                            """.formatted(sha256(ADMIN), sha256(SUPERVISOR), sha256(VIEWER), admin)).extra(extra);
            if (dialing) {
                dialer.dialing(1.0);
            }
            TestDialer.Builder.Ports ports = dialer.writeConfig();
            DialerConfig config = DialerConfigLoader.load(ports.file());
            if (!seed.isEmpty()) {
                // Stored as the server will read them: encrypted when dialer.privacy.encryption is on.
                try (Database db = Database.open(config.store(),
                        PersonalData.from(config.privacy().encryption(), System::getenv))) {
                    new JdbcCdrRepository(db).insertBatch(seed);
                }
            }
            int trunkPort = ports.trunk();
            return new AdminFixture(DialerServer.start(config), trunkPort, tls);
        }
    }
}
