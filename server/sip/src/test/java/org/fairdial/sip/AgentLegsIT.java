package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.LegKind;
import org.fairdial.testkit.FakeSoftphone;
import org.fairdial.testkit.FreePorts;
import org.fairdial.testkit.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Agent legs: the dialer INVITEs a registered {@link FakeSoftphone} at the contact it registered. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AgentLegsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String AGENT = "1001";
    private static final String PASSWORD = "agent-pass";

    private SignallingHarness dialer;
    private FakeSoftphone phone;
    private CallSession call;

    @BeforeEach
    void registerTheAgent() throws Exception {
        dialer = new SignallingHarness(Map.of(AGENT, PASSWORD), InstantSource.system());
        phone = FakeSoftphone.start(FreePorts.udpAndTcp(), "127.0.0.1:" + dialer.port).account(AGENT, PASSWORD);
        assertEquals(200, phone.register(AGENT, 600).get(5, TimeUnit.SECONDS).getStatusCode());
        call = dialer.call(SignallingHarness.trunk(5060, "udp", null, null));
    }

    @AfterEach
    void stop() {
        phone.close();
        dialer.close();
    }

    private Received inviteTheAgent() throws Exception {
        dialer.signalling.inviteAgent(call, AGENT, dialer.agents.contactOf(AGENT), SignallingHarness.offer());
        return phone.awaitRequest(Request.INVITE, 1, WAIT);
    }

    @Test
    void anAutoAnsweringPhoneIsAckedAndItsByeReported() throws Exception {
        Received invite = inviteTheAgent();
        assertTrue(invite.header("Call-Info").contains("answer-after=0"), "auto-answer asked: " + invite);

        dialer.await(call, CallEvent.Answered.class, a -> a.leg() == LegKind.AGENT, WAIT);
        dialer.signalling.ack(call, LegKind.AGENT);
        phone.awaitRequest(Request.ACK, 1, WAIT);
        assertTrue(phone.hangUp(invite.callId()), "the phone's dialog is confirmed");

        CallEvent.Bye bye = dialer.await(call, CallEvent.Bye.class, WAIT);
        assertEquals(LegKind.AGENT, bye.leg());
        phone.await(r -> r.status() == 200 && Request.BYE.equals(r.cseqMethod()), WAIT);
        assertEquals(0, phone.openCalls());
    }

    @Test
    void aPhoneLeftRingingIsCancelled() throws Exception {
        phone.answers(user -> FakeSoftphone.Answer.RING);
        inviteTheAgent();
        dialer.await(call, CallEvent.Progress.class, p -> p.code() == 180, WAIT);
        Instant asked = Instant.now();

        dialer.signalling.cancel(call, LegKind.AGENT);

        CallEvent.Failed failed = dialer.await(call, CallEvent.Failed.class, WAIT);
        assertEquals(LegKind.AGENT, failed.leg());
        assertEquals(487, failed.code());
        Received cancel = phone.requests(Request.CANCEL).get(0);
        assertFalse(cancel.at().isBefore(asked), "CANCEL after it was asked");
        assertEquals(0, phone.openCalls());
        assertEquals(1, dialer.sent(Request.CANCEL));
    }

    /** RFC 3261 9.1: a phone that ignores our CANCEL (no 200, no 487) still ends its leg, after 64*T1. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPhoneIgnoringCancelFailsTheLegWhenTheCancelTimesOut() throws Exception {
        phone.answers(user -> FakeSoftphone.Answer.RING).ignoreCancel(true);
        inviteTheAgent();
        dialer.await(call, CallEvent.Progress.class, p -> p.code() == 180, WAIT);
        Instant asked = Instant.now();

        dialer.signalling.cancel(call, LegKind.AGENT);

        CallEvent.Failed failed = dialer.await(call, CallEvent.Failed.class, Duration.ofSeconds(40));
        assertEquals(LegKind.AGENT, failed.leg());
        assertNull(failed.code(), "no final response came");
        assertTrue(failed.reason().contains("CANCEL"), failed.reason());
        assertTrue(Duration.between(asked, Instant.now()).toSeconds() >= 30, "64*T1, not earlier");
        assertEquals(1, phone.requests(Request.CANCEL).size(), "the phone saw the CANCEL (and ignored it)");
        assertEquals(0, dialer.received(Request.CANCEL, 200));
        assertEquals(1, dialer.events(call).stream().filter(e -> e instanceof CallEvent.Failed).count());
    }
}
