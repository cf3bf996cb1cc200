package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.Rule;
import org.fairdial.ports.Denial;
import org.fairdial.storage.JdbcDenialRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The abandon path against SIPp: the callee answers, no agent is free, the callee hears comfort noise and the
 * identification prompt from the first frames on, and the BYE comes within 3 s of the 200 OK (Garante 2014).
 */
@Timeout(120)
class AbandonIT extends SippCalls {
    private static final String NUMBER = "+390299000002";

    @Test
    void answeredCallWithNoAgentGetsNoiseAndPromptAtOnceAndByeWithinThreeSeconds() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads(NUMBER).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "6000",
                            "media_port", Integer.toString(callee.port())));
            assertTrue(dialer.campaign().dialNow(NUMBER).get());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);

            List<SippTrace.Message> trace = customer.messages();
            Instant ok = SippSupport.when(trace, m -> m.sent() && m.isResponse(200, "INVITE"));
            Instant bye = SippSupport.when(trace, m -> !m.sent() && m.isRequest("BYE"));
            List<RtpPeer.Packet> rtp = callee.received();
            assertFalse(rtp.isEmpty(), "no RTP reached the callee");
            Duration toFirstRtp = Duration.between(ok, rtp.get(0).at());
            Duration toBye = Duration.between(ok, bye);
            assertTrue(toFirstRtp.toMillis() <= 100, "first RTP " + toFirstRtp.toMillis() + " ms after the 200 OK");
            assertTrue(toBye.toMillis() <= 3000, "BYE " + toBye.toMillis() + " ms after the 200 OK");
            for (RtpPeer.Packet p : rtp.subList(0, Math.min(rtp.size(), 120))) {
                double level = SippSupport.pcmuDbfs(p.payload());
                assertTrue(level > -65, "frame " + p.seq() + " at " + level + " dBFS is (near) silence");
            }
            SippSupport.assertOneStreamPerReceiver(callee);

            CdrLeg leg = SippSupport.leg(dialer.awaitCdrs(1, Duration.ofSeconds(10)), LegKind.CUSTOMER);
            assertEquals(Disposition.ABANDONED, leg.disposition());
            assertEquals(HangupSide.DIALER, leg.hangupSide());
            assertTrue(leg.abandonTreatment());
            assertTrue(leg.abandonTreatmentMs() <= 3000, "treatment " + leg.abandonTreatmentMs());
            assertTrue(leg.rtpSent() >= 50, "RTP packets sent " + leg.rtpSent());

            JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(dialer.server.database().dataSource());
            TestDialer.await("the abandon in the number's history", Duration.ofSeconds(5),
                    () -> history.abandons(NUMBER).lastAbandonAt() != null);
            assertFalse(dialer.campaign().dialNow(NUMBER).get(), "an abandoned number was dialed again");
            List<Denial> denials = new JdbcDenialRepository(dialer.server.database().dataSource())
                    .find("it", Instant.EPOCH, Instant.now().plusSeconds(60), 10);
            // the lead's own retry is held back as long as the number's lockout: either rule may answer first
            assertTrue(Set.of(Rule.REDIAL_LOCKOUT, Rule.RETRY_DELAY).contains(denials.get(0).rule()), denials.toString());
            assertTrue(denials.get(0).retryAt().isAfter(Instant.now().plus(Duration.ofDays(5)).minusSeconds(60)),
                    "locked until " + denials.get(0).retryAt());
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
