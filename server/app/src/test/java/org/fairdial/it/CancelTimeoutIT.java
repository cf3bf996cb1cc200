package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fairdial.agent.AgentState;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No leg waits forever: an agent softphone (SIPp) that never answers our CANCEL used to leave the call live in
 * CANCELLING for good. With a short {@code dialer.calls.cancel-timeout} the leg is ended, its CDR closed with the
 * reason, and the call forgotten.
 */
@Timeout(120)
class CancelTimeoutIT extends SippCalls {
    @Test
    void anAgentLegWhoseCancelIsNeverAnsweredEndsAtTheCancelTimeout() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1003", "pw-1003").leads("+390299000050")
                .extra("dialer.calls.cancel-timeout = 2 seconds").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "8000",
                            "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1003", "pw-1003", "agent-ignore-cancel.xml",
                    callee.port(), 20000, Map.of("quiet_ms", "15000"));
            TestDialer.await("agent 1003 registered", Duration.ofSeconds(10),
                    () -> dialer.agentState("1003") == AgentState.AVAILABLE);
            assertTrue(dialer.campaign().dialNow("+390299000050").get());

            // The callee hears the abandon treatment (agent-connect-timeout 1 s, CANCEL to the agent) and the BYE.
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(15));
            CdrLeg agentLeg = SippSupport.leg(cdrs, LegKind.AGENT);
            assertEquals(Disposition.NO_ANSWER, agentLeg.disposition());
            assertEquals(HangupSide.DIALER, agentLeg.hangupSide());
            assertEquals("no final response to CANCEL", agentLeg.sipReason());
            long waited = Duration.between(agentLeg.createdAt(), agentLeg.endedAt()).toMillis();
            // 1 s to the agent-connect deadline, then the 2 s cancel-timeout.
            assertTrue(waited >= 2900 && waited < 10_000, "agent leg lasted " + waited + " ms");
            assertEquals(Disposition.ABANDONED, SippSupport.leg(cdrs, LegKind.CUSTOMER).disposition());
            SippSupport.assertNothingLeft(dialer);
            assertEquals(AgentState.UNAVAILABLE, dialer.agentState("1003"), "out of rotation: it did not answer");
            agent.close();
        }
    }
}
