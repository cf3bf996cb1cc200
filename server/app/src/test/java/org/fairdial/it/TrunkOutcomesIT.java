package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the trunk can answer besides a plain 200, against SIPp: busy, unavailable, ringing out (our CANCEL), a
 * digest challenge, and the RFC 3261 traps (a 200 crossing our CANCEL, a retransmitted 200, a transport error).
 */
@Timeout(120)
class TrunkOutcomesIT extends SippCalls {
    @Test
    void busyAndUnavailableAreRecordedWithTheirCodes() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000010", "+390299000011").start()) {
            CdrLeg busy = rejected(dialer, "+390299000010", "486", "Busy Here", "17", 1);
            assertEquals(Disposition.BUSY, busy.disposition());
            assertEquals(486, busy.sipCode());
            assertEquals(17, busy.q850Cause());
            assertEquals(HangupSide.REMOTE, busy.hangupSide());
            CdrLeg unavailable = rejected(dialer, "+390299000011", "480", "Temporarily Unavailable", "18", 2);
            assertEquals(Disposition.NO_ANSWER, unavailable.disposition());
            assertEquals(480, unavailable.sipCode());
            SippSupport.assertNothingLeft(dialer);
        }
    }

    private CdrLeg rejected(TestDialer dialer, String number, String code, String reason, String q850, int rows)
            throws Exception {
        Sipp customer = SippPeers.customer(dir, "reject-" + code, dialer, "customer-reject.xml", 1,
                Map.of("code", code, "reason", reason, "q850", q850));
        assertTrue(dialer.campaign().dialNow(number).get());
        assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
        List<CdrLeg> cdrs = dialer.awaitCdrs(rows, Duration.ofSeconds(10));
        return cdrs.get(rows - 1);
    }

    @Test
    void ringTimeoutSendsCancelNoEarlierThanFifteenSeconds() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000012").start()) {
            Sipp customer = SippPeers.customer(dir, "ringout", dialer, "customer-ringout.xml", 1,
                    Map.of("cancel_timeout_ms", "30000"));
            assertTrue(dialer.campaign().dialNow("+390299000012").get());
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<SippTrace.Message> trace = customer.messages();
            Instant invite = SippSupport.when(trace, m -> !m.sent() && m.isRequest("INVITE"));
            Instant cancel = SippSupport.when(trace, m -> !m.sent() && m.isRequest("CANCEL"));
            long rang = Duration.between(invite, cancel).toMillis();
            assertTrue(rang >= 15_000 && rang < 16_500, "CANCEL after " + rang + " ms of ringing");
            CdrLeg leg = dialer.awaitCdrs(1, Duration.ofSeconds(10)).get(0);
            assertEquals(Disposition.NO_ANSWER, leg.disposition());
            assertEquals(487, leg.sipCode());
            assertEquals(HangupSide.DIALER, leg.hangupSide());
            assertTrue(leg.ringMs() >= 15_000, "ring " + leg.ringMs());
            assertTrue(leg.sipReason().contains("ring timeout"), leg.sipReason());
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void answerThatCrossesOurCancelIsAckedThenHungUp() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000013").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "cross", dialer, "customer-200-after-cancel.xml", 1,
                    Map.of("cancel_timeout_ms", "30000", "media_port", Integer.toString(callee.port())));
            assertTrue(dialer.campaign().dialNow("+390299000013").get());
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            CdrLeg leg = dialer.awaitCdrs(1, Duration.ofSeconds(10)).get(0);
            assertEquals(Disposition.ABANDONED, leg.disposition(), "a live callee hung up on counts as abandoned");
            assertTrue(leg.sipReason().contains("answered after CANCEL"), leg.sipReason());
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void retransmittedTwoHundredIsAckedAgain() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000014").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            // -nr: SIPp must not answer the dialer's second (identical) ACK by replaying its 200 again
            Sipp customer = Sipp.start(dir, "retransmit", "customer-200-retransmit.xml",
                    Map.of("bye_timeout_ms", "6000", "media_port", Integer.toString(callee.port())),
                    Duration.ofSeconds(60), "-i", "127.0.0.1", "-p", Integer.toString(dialer.trunkPort), "-m", "1",
                    "-nr");
            assertTrue(dialer.campaign().dialNow("+390299000014").get());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            long acks = customer.messages().stream().filter(m -> !m.sent() && m.isRequest("ACK")).count();
            assertEquals(2, acks, "ACKs for two copies of the 200");
            assertEquals(Disposition.ABANDONED, dialer.awaitCdrs(1, Duration.ofSeconds(10)).get(0).disposition());
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void trunkChallengeIsAnsweredWithDigestCredentials() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000015").trunkCredentials("trunk-user",
                "trunk-secret").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "auth", dialer, "customer-auth.xml", 1,
                    Map.of("bye_timeout_ms", "6000", "media_port", Integer.toString(callee.port())));
            assertTrue(dialer.campaign().dialNow("+390299000015").get());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            List<SippTrace.Message> invites = customer.messages().stream()
                    .filter(m -> !m.sent() && m.isRequest("INVITE")).toList();
            assertEquals(2, invites.size());
            String credentials = invites.get(1).header("Proxy-Authorization");
            assertEquals(DigestCheck.expected("trunk-user", "carrier.test", "trunk-secret", "INVITE", credentials),
                    DigestCheck.param(credentials, "response"), credentials);
            assertEquals(Disposition.ABANDONED, dialer.awaitCdrs(1, Duration.ofSeconds(10)).get(0).disposition());
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void transportErrorEndsAndFreesTheLeg() throws Exception {
        // TCP to a port nobody listens on: the connection is refused at once.
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000016")
                .extra("dialer.trunks.carrier.transport = tcp").start()) {
            assertTrue(dialer.campaign().dialNow("+390299000016").get());
            CdrLeg leg = dialer.awaitCdrs(1, Duration.ofSeconds(40)).get(0);
            assertEquals(Disposition.FAILED, leg.disposition());
            assertEquals(LegKind.CUSTOMER, leg.kind());
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
