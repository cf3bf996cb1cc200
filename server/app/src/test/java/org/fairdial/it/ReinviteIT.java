package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bridged callee (SIPp) re-INVITEs twice: it puts the call on hold (a=sendonly), then takes it off hold on
 * another media port. Both go through the call's state machine; the relay follows: nothing is sent to a callee
 * on hold, and after the move both directions flow through the new port.
 */
@Timeout(120)
class ReinviteIT extends SippCalls {
    private static final byte CALLEE_SAYS = 0x55;
    private static final byte MOVED_CALLEE_SAYS = 0x66;
    private static final byte AGENT_SAYS = 0x2A;

    @Test
    void holdAndAMediaMoveByTheCalleeAreAnsweredAndTheRelayFollows() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1004", "pw-1004").leads("+390299000060")
                .dialing(1.0).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer moved = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk(CALLEE_SAYS);
            moved.talk(MOVED_CALLEE_SAYS);
            agentPhone.talk(AGENT_SAYS);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-reinvite-hold-move.xml", 1,
                    Map.of("ring_ms", "300", "talk_ms", "2500", "hold_ms", "2500",
                            "media_port", Integer.toString(callee.port()),
                            "media_port2", Integer.toString(moved.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1004", "pw-1004", "agent-answer.xml", agentPhone.port(),
                    20000);

            TestDialer.await("the callee hears the agent", Duration.ofSeconds(20),
                    () -> callee.countPayload(AGENT_SAYS) > 20);
            TestDialer.await("nothing sent to the callee on hold", Duration.ofSeconds(10), quietFor(callee,
                    Duration.ofMillis(600)));
            callee.close(); // the old port falls silent, as a phone that moved its media would
            TestDialer.await("the relay follows the callee to its new port", Duration.ofSeconds(15),
                    () -> moved.countPayload(AGENT_SAYS) > 20 && agentPhone.countPayload(MOVED_CALLEE_SAYS) > 20);

            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            // First copy per CSeq: under load a 200 may be retransmitted before SIPp's ACK reaches the dialer.
            Map<String, SippTrace.Message> byCseq = new LinkedHashMap<>();
            customer.messages().stream().filter(m -> !m.sent() && m.isResponse(200, "INVITE"))
                    .forEach(m -> byCseq.putIfAbsent(m.header("CSeq"), m));
            List<SippTrace.Message> answers = List.copyOf(byCseq.values());
            assertEquals(List.of("1 INVITE", "2 INVITE"), List.copyOf(byCseq.keySet()), "a 200 to each re-INVITE");
            assertTrue(answers.get(0).text().contains("a=recvonly"), answers.get(0).text());
            assertTrue(answers.get(1).text().contains("a=sendrecv"), answers.get(1).text());
            assertTrue(answers.get(0).header("Contact").contains(Integer.toString(dialer.sipPort)),
                    answers.get(0).header("Contact"));

            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            String reason = SippSupport.leg(cdrs, LegKind.CUSTOMER).sipReason();
            assertTrue(reason.contains("re-INVITE: hold (a=sendonly)"), reason);
            assertTrue(reason.contains("re-INVITE: unhold, media moved to 127.0.0.1:" + moved.port()), reason);
            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    /** True once {@code peer} has received nothing new for {@code quiet}. */
    private static BooleanSupplier quietFor(RtpPeer peer, Duration quiet) {
        long[] count = {-1};
        Instant[] since = {Instant.now()};
        return () -> {
            long now = peer.received().size();
            if (now != count[0]) {
                count[0] = now;
                since[0] = Instant.now();
                return false;
            }
            return Duration.between(since[0], Instant.now()).compareTo(quiet) >= 0;
        };
    }
}
