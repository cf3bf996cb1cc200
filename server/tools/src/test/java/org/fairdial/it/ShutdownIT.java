package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the real server process (the shaded jar) while a call is bridged: the call is not cut before the
 * grace period, is hung up when it ends, and every CDR is in the store afterwards.
 */
@Timeout(120)
class ShutdownIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void sigtermLetsTheCallRunForTheGracePeriodThenHangsUpAndKeepsEveryCdr() throws Exception {
        TestDialer.Builder.Ports ports = TestDialer.in(dir).agent("1001", "pw-1001").leads("+390299000050")
                .dialing(1.0).extra("dialer.shutdown.grace-period = 3 seconds").writeConfig();
        Process server = startJar(ports.file());
        try (RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer phone = RtpPeer.open(TestDialer.freeRange(4))) {
            TestDialer.awaitPort(ports.sip());
            callee.talk((byte) 0x55);
            phone.talk((byte) 0x2A);
            Sipp customer = Sipp.start(dir, "customer", "customer-answer-await-bye.xml",
                    Map.of("ring_ms", "300", "bye_timeout_ms", "30000", "media_port", Integer.toString(callee.port())),
                    Duration.ofSeconds(60), "-i", "127.0.0.1", "-p", Integer.toString(ports.trunk()), "-m", "1");
            customer.awaitListening(ports.trunk());
            int agentPort = TestDialer.freePort();
            Sipp agent = Sipp.start(dir, "agent", "agent-register.xml", Map.of("agent", "1001", "expires", "120",
                    "expected_final", "200", "hold_ms", "20000", "media_port", Integer.toString(phone.port())),
                    Duration.ofSeconds(60), "127.0.0.1:" + ports.sip(), "-i", "127.0.0.1", "-p",
                    Integer.toString(agentPort), "-m", "1", "-au", "1001", "-ap", "pw-1001", "-oocsf",
                    Sipp.render(dir, "agent-answer", "agent-answer.xml", Map.of("agent", "1001",
                            "media_port", Integer.toString(phone.port()))).toString());
            TestDialer.await("the call bridged", Duration.ofSeconds(20), () -> phone.countPayload((byte) 0x55) > 10);

            Instant sigterm = Instant.now();
            server.destroy(); // SIGTERM
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            Instant bye = SippSupport.when(customer.messages(), m -> !m.sent() && m.isRequest("BYE"));
            long held = Duration.between(sigterm, bye).toMillis();
            assertTrue(held >= 2900 && held < 6000, "the call was hung up " + held + " ms after SIGTERM");
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "server still running");
            agent.close();
        } finally {
            server.destroyForcibly();
        }
        try (Database db = Database.open(DialerConfigLoader.load(ports.file()).store())) {
            List<CdrLeg> cdrs = new JdbcCdrRepository(db.dataSource()).recent(10);
            assertEquals(2, cdrs.size(), cdrs.toString());
            CdrLeg customerLeg = SippSupport.leg(cdrs, LegKind.CUSTOMER);
            assertEquals(Disposition.ANSWERED, customerLeg.disposition());
            assertEquals(HangupSide.DIALER, customerLeg.hangupSide());
            assertTrue(customerLeg.sipReason().contains("dialer shutdown"), customerLeg.sipReason());
        }
    }

    private Process startJar(Path config) throws Exception {
        Path jar = Path.of(System.getProperty("user.dir"), "target", "fairdial.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-jar", jar.toString(), "run", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    }
}
