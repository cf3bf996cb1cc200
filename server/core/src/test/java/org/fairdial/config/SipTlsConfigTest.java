package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairdial.testkit.TestCerts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dialer.sip.tls} and trunks over TLS: certificates made by openssl in a temporary directory, each bad file
 * refused at the key that names it, with the file and the reason.
 */
class SipTlsConfigTest {
    @TempDir
    Path dir;
    private ConfigFixture fixture;
    private TestCerts certs;
    private TestCerts.Pair ca;
    private TestCerts.Pair server;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        certs = new TestCerts(dir);
        ca = certs.ca("ca");
        server = certs.leaf("server", ca, "IP:127.0.0.1,DNS:localhost");
    }

    private static String tls(String cert, String key) {
        return "dialer.sip.transports = [udp, tcp, tls]\n"
                + "dialer.sip.tls { certificate = \"" + cert + "\", private-key = \"" + key + "\" }\n";
    }

    private ConfigProblem single(String extra) {
        List<ConfigProblem> problems = fixture.refused(extra).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void pemCertificateAndKeyAreAccepted() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file(tls("server.crt", "server.key")
                + "dialer.trunks.carrier { transport = tls, port = 5071 }"));
        TlsConfig t = config.sip().tls();
        assertEquals(5061, t.port());
        assertEquals(dir.resolve("server.crt"), t.certificate());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), t.protocols());
        assertEquals(TlsConfig.ClientAuth.NONE, t.clientAuth());
        assertTrue(config.sip().transports().contains("tls"));
        assertEquals("tls", config.trunks().get("carrier").transport());
        assertEquals("127.0.0.1", config.trunks().get("carrier").serverName());
    }

    @Test
    void pkcs12IsAccepted() throws Exception {
        certs.pkcs12("server", server, "s3cret");
        DialerConfig config = DialerConfigLoader.load(fixture.file("dialer.sip.transports = [udp, tls]\n"
                + "dialer.sip.tls { keystore = server.p12, keystore-password = s3cret }"));
        assertEquals(dir.resolve("server.p12"), config.sip().tls().keystore());
    }

    @Test
    void wrongPkcs12PasswordNamesTheFile() {
        certs.pkcs12("server", server, "s3cret");
        ConfigProblem p = single("dialer.sip.transports = [udp, tls]\n"
                + "dialer.sip.tls { keystore = server.p12, keystore-password = wrong }");
        assertEquals("dialer.sip.tls.keystore", p.path());
        assertEquals(fixture.origin("keystore = server.p12"), p.origin());
        assertTrue(p.rule().startsWith(dir.resolve("server.p12") + ": wrong password"), p.rule());
    }

    @Test
    void expiredCertificateIsRefused() {
        certs.expired("old");
        ConfigProblem p = single(tls("old.crt", "old.key"));
        assertEquals("dialer.sip.tls.certificate", p.path());
        assertEquals(fixture.origin("certificate = \"old.crt\""), p.origin());
        assertTrue(p.rule().startsWith(dir.resolve("old.crt") + ": certificate \"CN=old\" expired on "), p.rule());
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        certs.leaf("other", ca, "DNS:other");
        ConfigProblem p = single(tls("server.crt", "other.key"));
        assertEquals("dialer.sip.tls.private-key", p.path());
        assertEquals(dir.resolve("other.key") + ": private key does not match the certificate \"CN=server\"",
                p.rule());
    }

    @Test
    void unreadableFileIsRefused() {
        ConfigProblem p = single(tls("missing.crt", "server.key"));
        assertEquals("dialer.sip.tls.certificate", p.path());
        assertTrue(p.rule().startsWith(dir.resolve("missing.crt") + ": is unreadable: NoSuchFileException"),
                p.rule());
    }

    @Test
    void traditionalRsaKeyIsRefusedWithTheFix() throws Exception {
        Files.writeString(dir.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        ConfigProblem p = single(tls("server.crt", "rsa.key"));
        assertEquals("dialer.sip.tls.private-key", p.path());
        assertTrue(p.rule().endsWith("convert it with openssl pkcs8 -topk8 -nocrypt"), p.rule());
    }

    @Test
    void oldProtocolsAndMissingFilesAreAllReported() {
        List<ConfigProblem> problems = fixture.refused("dialer.sip.transports = [udp, tls]\n"
                + "dialer.sip.tls.protocols = [TLSv1.1, TLSv1.2]\n"
                + "dialer.sip.tls.client-auth = need\n").problems();
        List<String> paths = problems.stream().map(ConfigProblem::path).sorted().toList();
        assertEquals(List.of("dialer.sip.tls.certificate", "dialer.sip.tls.protocols", "dialer.sip.tls.trust"),
                paths, problems.toString());
        ConfigProblem protocols = problems.stream().filter(p -> p.path().endsWith("protocols")).findFirst()
                .orElseThrow();
        assertEquals("names 'TLSv1.1'; allowed: [TLSv1.2, TLSv1.3] (TLS 1.0 and 1.1 are deprecated by RFC 8996)",
                protocols.rule());
    }

    @Test
    void unknownCipherSuiteIsRefused() {
        ConfigProblem p = single(tls("server.crt", "server.key") + "dialer.sip.tls.cipher-suites = [TLS_NOPE]");
        assertEquals("dialer.sip.tls.cipher-suites", p.path());
        assertEquals("names 'TLS_NOPE', which this JDK does not support", p.rule());
    }

    @Test
    void tlsPortMustDifferFromTcp() {
        ConfigProblem p = single(tls("server.crt", "server.key") + "dialer.sip.tls.port = 5060");
        assertEquals("dialer.sip.tls.port", p.path());
    }

    @Test
    void tlsTrunkNeedsTlsListener() {
        ConfigProblem p = single("dialer.trunks.carrier.transport = tls");
        assertEquals("dialer.trunks.carrier.transport", p.path());
        assertTrue(p.rule().startsWith("is tls, but dialer.sip.transports has no tls"), p.rule());
    }

    @Test
    void trunkServerNameOverridesHost() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file(tls("server.crt", "server.key")
                + "dialer.trunks.carrier { transport = tls, tls-server-name = \"sip.carrier.example\" }"));
        assertEquals("sip.carrier.example", config.trunks().get("carrier").serverName());
    }
}
