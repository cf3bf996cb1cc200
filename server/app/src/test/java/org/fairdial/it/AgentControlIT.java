package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Agents steering themselves from the softphone (feature codes), and a phone that goes silent mid-call. */
@Timeout(120)
class AgentControlIT extends SippCalls {
    @Test
    void agentPausesWithAReasonAndComesBackWithFeatureCodes() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").start();
             RtpPeer phone = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", phone.port(), 6000);
            TestDialer.await("agent available", Duration.ofSeconds(10),
                    () -> dialer.agentState("1001") == AgentState.AVAILABLE);

            dial(dialer, "*552", phone); // pause, second reason of the default list: lunch
            AgentSnapshot paused = snapshot(dialer, "1001");
            assertEquals(AgentState.PAUSED, paused.state());
            assertEquals("lunch", paused.pauseReason());
            assertTrue(phone.received().size() >= 20, "confirmation tone packets: " + phone.received().size());

            dial(dialer, "*56", phone);
            assertEquals(AgentState.AVAILABLE, dialer.agentState("1001"));
            assertEquals(0, agent.await(Duration.ofSeconds(30)), agent::diagnostics);
        }
    }

    private void dial(TestDialer dialer, String code, RtpPeer phone) throws Exception {
        Sipp sipp = Sipp.start(dir, "code" + code.substring(1), "agent-feature-code.xml",
                Map.of("agent", "1001", "code", code, "media_port", Integer.toString(phone.port())),
                Duration.ofSeconds(30), "127.0.0.1:" + dialer.sipPort, "-i", "127.0.0.1", "-p",
                Integer.toString(TestDialer.freePort()), "-m", "1", "-au", "1001", "-ap", "pw-1001");
        assertEquals(0, sipp.await(Duration.ofSeconds(30)), sipp::diagnostics);
    }

    private static AgentSnapshot snapshot(TestDialer dialer, String id) {
        return dialer.server.agents().snapshot().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void bridgedAgentWhosePhoneStopsSendingRtpIsHungUpAndTakenOutOfRotation() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1003", "pw-1003").leads("+390299000030").dialing(1.0)
                .extra("dialer.agent-policy.rtp-timeout = 2 seconds").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer silentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk((byte) 0x55);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "15000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1003", "pw-1003", "agent-answer.xml", silentPhone.port(),
                    9000);
            assertEquals(0, customer.await(Duration.ofSeconds(40)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            CdrLeg customerLeg = SippSupport.leg(cdrs, LegKind.CUSTOMER);
            assertEquals("OK; agent media lost", customerLeg.sipReason());
            assertTrue(customerLeg.talkMs() >= 2000 && customerLeg.talkMs() < 6000, "talk " + customerLeg.talkMs());
            assertEquals(AgentState.UNAVAILABLE, dialer.agentState("1003"));
            assertEquals(0, agent.await(Duration.ofSeconds(30)), agent::diagnostics);
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
