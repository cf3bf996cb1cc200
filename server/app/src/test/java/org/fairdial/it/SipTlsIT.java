package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.admin.ConfigReloader;
import org.fairdial.app.ConfigReload;
import org.fairdial.config.TlsConfig;
import org.fairdial.testkit.TestCerts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS against real peers on loopback: {@code openssl s_client} for the versions (1.2 handshakes, 1.1 is
 * refused) and for the certificate served after a reload; baresip registering as an agent over TLS; a TLS
 * carrier ({@link TlsTrunkPeer}) the dialer calls with its certificate name checked. Certificates are made by
 * openssl for each test.
 */
@Timeout(120)
class SipTlsIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private TestCerts certs;
    private TestCerts.Pair ca;
    private int tlsPort;

    @BeforeEach
    void certificates() throws Exception {
        certs = new TestCerts(dir);
        ca = certs.ca("ca");
        TestCerts.Pair a = certs.leaf("dialer-a", ca, "IP:127.0.0.1");
        Files.copy(a.certificate(), dir.resolve("server.crt"));
        Files.copy(a.privateKey(), dir.resolve("server.key"));
        tlsPort = TestDialer.freePort();
    }

    private String tlsConfig(String trunk) {
        return """
                dialer.sip {
                  transports = [udp, tcp, tls]
                  tls { port = %d, certificate = "%s", private-key = "%s", trust = "%s" }
                }
                %s
                """.formatted(tlsPort, dir.resolve("server.crt"), dir.resolve("server.key"), ca.certificate(), trunk);
    }

    @Test
    void tls12HandshakesTls11IsRefusedAndReloadServesTheNewCertificate() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002").extra(tlsConfig("")).start()) {
            SClient v12 = sClient("-tls1_2");
            assertEquals(0, v12.exit, v12.output);
            assertTrue(v12.output.contains("Protocol  : TLSv1.2"), v12.output);
            assertTrue(v12.output.contains("Verify return code: 0 (ok)"), v12.output);
            assertTrue(v12.output.contains("subject=CN = dialer-a"), v12.output);

            // -cipher @SECLEVEL=0 so that it is the server, not the local openssl policy, that refuses TLS 1.1.
            SClient v11 = sClient("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
            assertNotEquals(0, v11.exit, v11.output);
            assertTrue(v11.output.contains("alert protocol version"), v11.output);
            assertTrue(v11.output.contains("Cipher is (NONE)") && v11.output.contains("no peer certificate"),
                    v11.output);

            // A renewed certificate written over the same files, then the reload SIGHUP runs.
            TestCerts.Pair b = certs.leaf("dialer-b", ca, "IP:127.0.0.1");
            Files.copy(b.certificate(), dir.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(b.privateKey(), dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
            ConfigReloader.Result result = new ConfigReload(dialer.server, dialer.configFile).reload();
            assertTrue(result.applied(), result.toString());
            assertTrue(result.summary().contains("SIP TLS certificate re-read"), result.summary());
            SClient after = sClient("-tls1_3");
            assertEquals(0, after.exit, after.output);
            assertTrue(after.output.contains("subject=CN = dialer-b"), after.output);

            // An expired certificate is refused by the reload, naming the file; the renewed one stays in use.
            TestCerts.Pair old = certs.expired("old");
            Files.copy(old.certificate(), dir.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(old.privateKey(), dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
            ConfigReloader.Result refused = new ConfigReload(dialer.server, dialer.configFile).reload();
            assertFalse(refused.applied());
            assertTrue(refused.problems().toString().contains(dir.resolve("server.crt") + ": certificate \"CN=old\""
                    + " expired on "), refused.problems().toString());
            SClient still = sClient("-tls1_2");
            assertTrue(still.output.contains("subject=CN = dialer-b"), still.output);
        }
    }

    @Test
    void clientAuthNeedRefusesAPeerWithoutACertificate() throws Exception {
        TestCerts.Pair client = certs.leaf("client", ca, "DNS:client.test");
        try (TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002")
                .extra(tlsConfig("dialer.sip.tls.client-auth = need")).start()) {
            assertEquals(TlsConfig.ClientAuth.NEED, dialer.server.config().sip().tls().clientAuth());
            SClient without = sClient("-tls1_2");
            assertNotEquals(0, without.exit, without.output);
            SClient with = sClient("-tls1_2", "-cert", client.certificate().toString(),
                    "-key", client.privateKey().toString());
            assertEquals(0, with.exit, with.output);
            assertTrue(with.output.contains("Protocol  : TLSv1.2"), with.output);
            assertTrue(with.output.contains("Verify return code: 0 (ok)"), with.output);
        }
    }

    @Test
    void baresipRegistersOverTls() throws Exception {
        // transport=tls, not a sips: address: baresip 1.0 answers "Function not implemented" to sips: accounts.
        baresipRegisters("<sip:1002@127.0.0.1:" + tlsPort + ";transport=tls>");
    }

    private void baresipRegisters(String aor) throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002").extra(tlsConfig("")).start()) {
            Path phone = Files.createDirectories(dir.resolve("baresip"));
            int listen = TestDialer.freePort();
            Files.writeString(phone.resolve("config"), """
                    poll_method epoll
                    sip_listen 127.0.0.1:%d
                    sip_cafile %s
                    audio_player aufile
                    audio_source ausine
                    module_path /usr/lib/baresip/modules
                    module g711.so
                    module ausine.so
                    module aufile.so
                    module_tmp account.so
                    """.formatted(listen, ca.certificate()));
            Files.writeString(phone.resolve("accounts"), aor + ";auth_pass=pw-1002;answermode=auto;regint=60\n");
            Process baresip = new ProcessBuilder("baresip", "-f", phone.toString(), "-t", "60")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            try {
                TestDialer.await("1002 registered over TLS", Duration.ofSeconds(20), () -> contact(dialer) != null);
                String contact = contact(dialer);
                assertTrue(contact.contains("transport=tls"), contact);
                TestDialer.await("baresip reports 200", Duration.ofSeconds(10),
                        () -> read(dir.resolve("baresip.log")).contains("200 OK"));
            } finally {
                baresip.destroy();
                if (!baresip.waitFor(10, TimeUnit.SECONDS)) {
                    baresip.destroyForcibly();
                }
            }
        }
    }

    @Test
    void callsGoToATlsTrunkWhoseCertificateCarriesTheConfiguredName() throws Exception {
        TestCerts.Pair carrier = certs.leaf("carrier", ca, "DNS:sip.carrier.test,IP:127.0.0.1");
        try (TlsTrunkPeer trunk = new TlsTrunkPeer(carrier.certificate(), carrier.privateKey());
             TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002").leads("+390299000071")
                     .extra(tlsConfig("dialer.trunks.carrier { transport = tls, port = " + trunk.port()
                             + ", tls-server-name = \"sip.carrier.test\" }")).start()) {
            assertTrue(dialer.campaign().dialNow("+390299000071").get());
            TlsTrunkPeer.Handshake handshake = trunk.handshakes.poll(20, TimeUnit.SECONDS);
            assertNotNull(handshake, "no TLS handshake with the trunk; failures: " + trunk.failures);
            assertEquals("sip.carrier.test", handshake.serverName());
            assertTrue(handshake.protocol().equals("TLSv1.3") || handshake.protocol().equals("TLSv1.2"),
                    handshake.protocol());
            String invite = trunk.requests.poll(20, TimeUnit.SECONDS);
            assertNotNull(invite, "no INVITE over TLS");
            assertTrue(invite.startsWith("INVITE sip:+390299000071@127.0.0.1:" + trunk.port() + ";transport=tls "),
                    invite.lines().findFirst().orElse(""));
            assertTrue(invite.contains("SIP/2.0/TLS 127.0.0.1:" + tlsPort), invite);
            assertTrue(dialer.awaitCdrs(1, Duration.ofSeconds(20)).stream()
                    .anyMatch(leg -> leg.normalizedNumber() != null && leg.normalizedNumber().endsWith("0071")));
        }
    }

    @Test
    void aTrunkCertificateWithoutTheConfiguredNameIsRefused() throws Exception {
        TestCerts.Pair carrier = certs.leaf("carrier", ca, "DNS:sip.carrier.test,IP:127.0.0.1");
        try (TlsTrunkPeer trunk = new TlsTrunkPeer(carrier.certificate(), carrier.privateKey());
             TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002").leads("+390299000072")
                     .extra(tlsConfig("dialer.trunks.carrier { transport = tls, port = " + trunk.port()
                             + ", tls-server-name = \"sip.other.test\" }")).start()) {
            assertTrue(dialer.campaign().dialNow("+390299000072").get());
            // The dialer aborts the handshake ("No subject alternative DNS name matching sip.other.test").
            TestDialer.await("the trunk sees the dialer abort the handshake", Duration.ofSeconds(20),
                    () -> !trunk.failures.isEmpty());
            assertTrue(trunk.handshakes.isEmpty(), trunk.handshakes.toString());
            assertTrue(trunk.requests.isEmpty(), "an INVITE reached a trunk with the wrong name");
        }
    }

    /**
     * Kamailio with its TLS module as the carrier, requiring and verifying a client certificate (mutual TLS): the
     * dialer presents its own certificate, checks kamailio's name, and kamailio answers the INVITE 486.
     */
    @Test
    void kamailioAsAMutualTlsTrunk() throws Exception {
        Path kamailio = Path.of("/usr/sbin/kamailio");
        Assumptions.assumeTrue(Files.isExecutable(kamailio), "kamailio (with kamailio-tls-modules) not installed");
        TestCerts.Pair carrier = certs.leaf("carrier", ca, "DNS:sip.carrier.test,IP:127.0.0.1");
        int port = TestDialer.freePort();
        Path k = Files.createDirectories(dir.resolve("kamailio"));
        Files.writeString(k.resolve("tls.cfg"), """
                [server:default]
                method = TLSv1.2+
                certificate = %s
                private_key = %s
                ca_list = %s
                verify_certificate = yes
                require_certificate = yes

                [client:default]
                verify_certificate = no
                require_certificate = no
                """.formatted(carrier.certificate(), carrier.privateKey(), ca.certificate()));
        Files.writeString(k.resolve("kamailio.cfg"), """
                #!KAMAILIO
                debug=2
                log_stderror=yes
                children=1
                tcp_children=1
                enable_tls=yes
                auto_aliases=no
                listen=tls:127.0.0.1:%d
                mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
                loadmodule "pv.so"
                loadmodule "tls.so"
                loadmodule "sl.so"
                loadmodule "xlog.so"
                modparam("tls", "config", "%s")
                request_route {
                    xlog("L_NOTICE", "REQUEST $rm $ru proto=$proto peer=$tls_peer_subject_cn\n");
                    if (method=="ACK") { exit; }
                    if (method=="INVITE") { sl_send_reply("486", "Busy Here"); exit; }
                    sl_send_reply("200", "OK");
                }
                """.formatted(port, k.resolve("tls.cfg")));
        Path log = dir.resolve("kamailio.log");
        Process trunk = new ProcessBuilder(kamailio.toString(), "-f", k.resolve("kamailio.cfg").toString(), "-DD",
                "-E", "-w", k.toString(), "-Y", k.toString(), "-P", k.resolve("kamailio.pid").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002").leads("+390299000073")
                .extra(tlsConfig("dialer.trunks.carrier { transport = tls, port = " + port
                        + ", tls-server-name = \"sip.carrier.test\" }")).start()) {
            TestDialer.await("kamailio listening", Duration.ofSeconds(20),
                    () -> listening(port) || !trunk.isAlive());
            assertTrue(trunk.isAlive(), read(log));
            assertTrue(dialer.campaign().dialNow("+390299000073").get());
            TestDialer.await("kamailio gets the INVITE over TLS", Duration.ofSeconds(20),
                    () -> read(log).contains("REQUEST INVITE"));
            String line = read(log).lines().filter(l -> l.contains("REQUEST INVITE")).findFirst().orElseThrow();
            assertTrue(line.contains("sip:+390299000073@127.0.0.1:" + port + ";transport=tls"), line);
            assertTrue(line.contains("proto=tls"), line);
            assertTrue(line.contains("peer=dialer-a"), "our client certificate: " + line);
            assertTrue(dialer.awaitCdrs(1, Duration.ofSeconds(20)).stream()
                    .anyMatch(leg -> leg.normalizedNumber() != null && leg.normalizedNumber().endsWith("0073")));
        } finally {
            trunk.destroy();
            if (!trunk.waitFor(10, TimeUnit.SECONDS)) {
                trunk.destroyForcibly();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String contact(TestDialer dialer) {
        return dialer.server.agents().snapshot().stream().filter(a -> a.id().equals("1002"))
                .map(AgentSnapshot::contact).filter(c -> c != null).findFirst().orElse(null);
    }

    private record SClient(int exit, String output) {
    }

    private SClient sClient(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("timeout", "-k", "5", "15", "openssl", "s_client",
                "-connect", "127.0.0.1:" + tlsPort, "-CAfile", ca.certificate().toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl s_client did not end");
        return new SClient(p.exitValue(), output);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
