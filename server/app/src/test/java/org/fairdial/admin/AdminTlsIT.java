package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over HTTPS with a PEM certificate and PKCS#8 key from the configuration. */
@Timeout(60)
class AdminTlsIT {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithTheConfiguredCertificate() throws Exception {
        KeyStore store = selfSigned();
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        try (AdminFixture dialer = AdminFixture.in(dir).tls(dir.resolve("cert.pem"), dir.resolve("key.pem"), client)
                .start()) {
            HttpResponse<String> whoami = dialer.get("/api/whoami", AdminFixture.ADMIN);
            assertEquals(200, whoami.statusCode(), whoami.body());
            assertEquals("ops", AdminFixture.json(whoami).get("name").asText());
            URI plain = URI.create("http://127.0.0.1:" + dialer.server.admin().port() + "/healthz");
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    /** A self-signed certificate for 127.0.0.1 made by the JDK's keytool, written out as PEM files. */
    private KeyStore selfSigned() throws Exception {
        Path p12 = dir.resolve("admin.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "admin", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=fairdial test", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        try (InputStream out = keytool.getInputStream()) {
            String output = new String(out.readAllBytes());
            keytool.waitFor(30, TimeUnit.SECONDS);
            assertEquals(0, keytool.exitValue(), output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD);
        }
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n"
                + mime.encodeToString(store.getCertificate("admin").getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + mime.encodeToString(store.getKey("admin", PASSWORD).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return store;
    }
}
