package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fairdial.agent.AgentState;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Progressive dialing sets an agent aside before the INVITE; these are the unanswered endings that used to leave
 * that agent RESERVED until a restart (a 200 crossing the ring-timeout CANCEL, a 200 with G.729 only), against
 * SIPp as the trunk and a SIPp softphone as the agent.
 */
@Timeout(120)
class SetAsideAgentIT extends SippCalls {
    @Test
    void agentComesBackWhenTheCalleesAnswerCrossesTheRingTimeoutCancel() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads("+390299000040")
                .dialing(1.0).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "cross", dialer, "customer-200-after-cancel.xml", 1,
                    Map.of("cancel_timeout_ms", "30000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", callee.port(), 30000);

            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            CdrLeg leg = dialer.awaitCdrs(1, Duration.ofSeconds(10)).get(0);
            assertEquals(LegKind.CUSTOMER, leg.kind());
            assertEquals(Disposition.ABANDONED, leg.disposition());
            assertTrue(leg.sipReason().contains("answered after CANCEL"), leg.sipReason());
            TestDialer.await("agent 1001 available again", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") == AgentState.AVAILABLE);
            assertEquals(0, dialer.server.calls().unexpectedEvents());
            SippSupport.assertNothingLeft(dialer);
            agent.close();
        }
    }

    @Test
    void agentComesBackWhenTheCalleeAnswersWithG729Only() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002").leads("+390299000041")
                .dialing(1.0).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "g729", dialer, "customer-answer-g729.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "3000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1002", "pw-1002", "agent-answer.xml", callee.port(), 30000);

            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            CdrLeg leg = dialer.awaitCdrs(1, Duration.ofSeconds(10)).get(0);
            assertEquals(Disposition.ABANDONED, leg.disposition());
            assertTrue(leg.sipReason().contains("no usable media"), leg.sipReason());
            TestDialer.await("agent 1002 available again", Duration.ofSeconds(5),
                    () -> dialer.agentState("1002") == AgentState.AVAILABLE);
            assertEquals(0, dialer.server.calls().unexpectedEvents());
            SippSupport.assertNothingLeft(dialer);
            agent.close();
        }
    }
}
