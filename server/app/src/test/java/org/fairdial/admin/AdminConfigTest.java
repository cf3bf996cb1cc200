package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairdial.config.AdminConfig;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialer.admin} from HOCON to {@link AdminConfig}: defaults, tokens, TLS files, every problem at once. */
class AdminConfigTest {
    private static final String HASH = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    @TempDir
    Path dir;

    private AdminConfig admin(String hocon) throws ConfigValidationException {
        return DialerConfigLoader.fromConfig(ConfigFactory.parseString(hocon), dir).admin();
    }

    private List<String> problems(String hocon) {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> admin(hocon));
        return e.problems().stream().map(ConfigProblem::format).toList();
    }

    @Test
    void defaultsKeepItOffAndOnLoopback() throws Exception {
        AdminConfig a = admin("");
        assertFalse(a.enabled());
        assertEquals("127.0.0.1", a.bindAddress());
        assertEquals(8080, a.port());
        assertNull(a.tls());
        assertTrue(a.tokens().isEmpty());
        assertFalse(a.metricsPublic());
        assertEquals(256, a.eventBuffer());
        assertEquals(1000, a.cdrMaxRows());
    }

    @Test
    void tokensKeepNameRoleAndLowerCaseHash() throws Exception {
        AdminConfig a = admin("dialer.admin { enabled = true, tokens { alice { role = supervisor, sha256 = \""
                + HASH.toUpperCase() + "\" } } }");
        assertEquals(List.of(new AdminConfig.Token("alice", AdminConfig.Role.SUPERVISOR, HASH)), a.tokens());
    }

    @Test
    void everyTokenProblemIsReportedWithItsKey() {
        List<String> found = problems("""
                dialer.admin.port = 70000
                dialer.admin.tokens {
                  a { role = root, sha256 = "%s" }
                  b { role = viewer, sha256 = "%s" }
                  c { role = viewer, sha256 = "not-hex" }
                  d { sha256 = "%s" }
                }
                """.formatted(HASH, HASH, HASH.replace('5', '6')));
        assertTrue(found.stream().anyMatch(p -> p.startsWith("dialer.admin.port") && p.contains("0..65535")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("dialer.admin.tokens.a.role") && p.contains("[viewer, supervisor, admin]")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("dialer.admin.tokens.b.sha256") && p.contains("same token as a")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("dialer.admin.tokens.c.sha256") && p.contains("sha256sum")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("dialer.admin.tokens.d.role") && p.contains("missing")), found.toString());
    }

    @Test
    void tlsNeedsBothReadablePemFiles() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        AdminConfig ok = admin("dialer.admin.tls { certificate = cert.pem, private-key = key.pem }");
        assertEquals(dir.resolve("cert.pem"), ok.tls().certificate());

        List<String> half = problems("dialer.admin.tls.certificate = cert.pem");
        assertTrue(half.get(0).startsWith("dialer.admin.tls.private-key") && half.get(0).contains("is missing"),
                half.toString());
        assertTrue(problems("dialer.admin.tls { certificate = key.pem, private-key = rsa.pem }").toString()
                .contains("PKCS#8"));
        assertTrue(problems("dialer.admin.tls { certificate = nope.pem, private-key = key.pem }").toString()
                .contains("cannot be read"));
    }
}
