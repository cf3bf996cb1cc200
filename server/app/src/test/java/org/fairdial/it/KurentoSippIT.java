package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;
import org.fairdial.media.kurento.KurentoMediaEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * DOCKER-ONLY CHECK: SIPp's abandon and bridge scenarios with {@code dialer.media.engine = kurento}, the media on
 * a real Kurento Media Server (host networking, so its RTP reaches SIPp's loopback peers). Skipped, and reported
 * skipped, where no Docker engine runs (this project's CI). The timing bounds are the law's (BYE within 3 s of the
 * 200 OK); the first-RTP bound is looser than the relay's 100 ms, since the player starts on the server.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(180)
class KurentoSippIT extends SippCalls {
    private static final byte CALLEE_SAYS = 0x55;
    private static final byte AGENT_SAYS = 0x2A;
    private static final Path PROMPTS = Path.of(System.getProperty("java.io.tmpdir"), "fairdial-kurento-it");

    @Container
    static final GenericContainer<?> KMS = prompts(new GenericContainer<>(
            DockerImageName.parse("kurento/kurento-media-server:7.1.0")).withNetworkMode("host")
            .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2))));

    private static GenericContainer<?> prompts(GenericContainer<?> kms) {
        try {
            Files.createDirectories(PROMPTS);
            // The server's user in its container reads what the dialer writes here.
            Files.setPosixFilePermissions(PROMPTS, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwxr-xr-x"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return kms.withFileSystemBind(PROMPTS.toString(), "/prompts");
    }

    private static String kurento() {
        return "dialer.media { engine = kurento, kurento { url = \"ws://127.0.0.1:8888/kurento\"\n"
                + " prompt-directory = \"" + PROMPTS + "\", prompt-uri = \"file:///prompts\" } }";
    }

    @Test
    void anAbandonedCallHearsNoiseAndPromptFromKurentoAndGetsItsByeWithinThreeSeconds() throws Exception {
        String number = "+390299000002";
        try (TestDialer dialer = TestDialer.in(dir).leads(number).extra(kurento()).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            assertTrue(dialer.server.media() instanceof KurentoMediaEngine, "the configured engine runs");
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "6000",
                            "media_port", Integer.toString(callee.port())));
            assertTrue(dialer.campaign().dialNow(number).get());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);

            List<SippTrace.Message> trace = customer.messages();
            Instant ok = SippSupport.when(trace, m -> m.sent() && m.isResponse(200, "INVITE"));
            Instant bye = SippSupport.when(trace, m -> !m.sent() && m.isRequest("BYE"));
            List<RtpPeer.Packet> rtp = callee.received();
            assertFalse(rtp.isEmpty(), "no RTP from Kurento reached the callee");
            assertTrue(Duration.between(ok, rtp.get(0).at()).toMillis() <= 1000, "first RTP too late");
            assertTrue(Duration.between(ok, bye).toMillis() <= 3000, "BYE later than 3 s after the 200 OK");
            CdrLeg leg = SippSupport.leg(dialer.awaitCdrs(1, Duration.ofSeconds(10)), LegKind.CUSTOMER);
            assertEquals(Disposition.ABANDONED, leg.disposition());
            assertTrue(leg.abandonTreatment());
            TestDialer.await("the call's pipeline released", Duration.ofSeconds(5),
                    () -> ((KurentoMediaEngine) dialer.server.media()).openPipelines() == 0);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void anAnsweredCallIsBridgedInsideKurentoBothWays() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads("+390299000001")
                .dialing(1.0).extra(kurento()).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk(CALLEE_SAYS);
            agentPhone.talk(AGENT_SAYS);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 1,
                    Map.of("ring_ms", "500", "talk_ms", "3000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", agentPhone.port(),
                    7000);
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
            assertEquals(Disposition.ANSWERED, SippSupport.leg(cdrs, LegKind.CUSTOMER).disposition());
            assertTrue(agentPhone.countPayload(CALLEE_SAYS) > 50, "the agent heard the callee through Kurento");
            assertTrue(callee.countPayload(AGENT_SAYS) > 50, "the callee heard the agent through Kurento");
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
