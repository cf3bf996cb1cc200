package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The bridge path against SIPp: callee answers, an agent's softphone (SIPp) is invited and the two talk. */
@Timeout(120)
class AgentBridgeIT extends SippCalls {
    private static final byte CALLEE_SAYS = 0x55;
    private static final byte AGENT_SAYS = 0x2A;

    @Test
    void answeredCallIsBridgedToTheRegisteredAgentAndMediaFlowsBothWays() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads("+390299000001")
                .dialing(1.0).start();
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

            CdrLeg customerLeg = SippSupport.leg(cdrs, LegKind.CUSTOMER);
            CdrLeg agentLeg = SippSupport.leg(cdrs, LegKind.AGENT);
            assertEquals(customerLeg.callId(), agentLeg.callId());
            assertEquals(Disposition.ANSWERED, customerLeg.disposition());
            assertEquals(Disposition.ANSWERED, agentLeg.disposition());
            assertEquals(HangupSide.REMOTE, customerLeg.hangupSide());
            assertEquals(HangupSide.OTHER_LEG, agentLeg.hangupSide());
            assertEquals("1001", agentLeg.agent());
            assertEquals("+390299000001", customerLeg.normalizedNumber());
            assertEquals(200, customerLeg.sipCode());
            assertEquals(16, customerLeg.q850Cause());
            assertNotNull(customerLeg.bridgedAt());
            assertTrue(customerLeg.talkMs() >= 2500, "talk " + customerLeg.talkMs());

            long heardByAgent = agentPhone.countPayload(CALLEE_SAYS);
            long heardByCallee = callee.countPayload(AGENT_SAYS);
            assertTrue(heardByAgent > 50, "the agent heard " + heardByAgent + " packets of the callee");
            assertTrue(heardByCallee > 50, "the callee heard " + heardByCallee + " packets of the agent");
            SippSupport.assertOneStreamPerReceiver(agentPhone);

            TestDialer.await("agent back from wrap-up", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") != AgentState.TALKING
                            && dialer.agentState("1001") != AgentState.WRAP_UP);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void agentThatDoesNotAnswerInTimeMeansAnAbandonAndTheAgentIsTakenOutOfRotation() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1002", "pw-1002").leads("+390299000003")
                .dialing(1.0).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "6000",
                            "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1002", "pw-1002", "agent-ring-no-answer.xml",
                    agentPhone.port(), 8000);

            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            CdrLeg customerLeg = SippSupport.leg(cdrs, LegKind.CUSTOMER);
            CdrLeg agentLeg = SippSupport.leg(cdrs, LegKind.AGENT);
            assertEquals(Disposition.ABANDONED, customerLeg.disposition());
            assertTrue(customerLeg.abandonTreatment());
            assertTrue(customerLeg.abandonTreatmentMs() <= 3000, "answer to BYE " + customerLeg.abandonTreatmentMs());
            assertEquals(Disposition.NO_ANSWER, agentLeg.disposition());
            assertEquals(AgentState.UNAVAILABLE, dialer.agentState("1002"));
            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
