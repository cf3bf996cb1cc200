package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallSession;
import org.fairdial.call.SignallingException;
import org.fairdial.cdr.LegKind;
import org.fairdial.testkit.FakeTrunk;
import org.fairdial.testkit.FreePorts;
import org.fairdial.testkit.Received;
import org.fairdial.testkit.TrunkScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RFC 3261 traps of the dialer's outbound legs, against {@link FakeTrunk} over loopback: a retransmitted 2xx,
 * a 200 crossing our CANCEL, a CANCEL asked before any provisional, a transport error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutboundLegsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private SignallingHarness dialer;
    private FakeTrunk trunk;

    @BeforeEach
    void startDialer() throws Exception {
        dialer = new SignallingHarness();
    }

    @AfterEach
    void stop() {
        if (trunk != null) {
            trunk.close();
        }
        dialer.close();
    }

    private CallSession dial(TrunkScript script) throws Exception {
        trunk = FakeTrunk.start(FreePorts.udpAndTcp(), script);
        CallSession call = dialer.call(SignallingHarness.trunk(trunk.port(), "udp", null, null));
        dialer.signalling.inviteCustomer(call, SignallingHarness.offer());
        return call;
    }

    @Test
    void aRetransmitted2xxIsAckedAgainAndReportedOnce() throws Exception {
        CallSession call = dial(TrunkScript.answer(Duration.ZERO).withRetransmitted200(2));
        dialer.await(call, CallEvent.Answered.class, WAIT);
        dialer.signalling.ack(call, LegKind.CUSTOMER);

        List<Received> acks = trunk.awaitCount(r -> Request.ACK.equals(r.method()), 3, WAIT);

        assertEquals(3, acks.size(), "one ACK for the 200 and one for each copy");
        assertEquals(1, dialer.events(call).stream().filter(e -> e instanceof CallEvent.Answered).count(),
                "the copies are not answers: " + dialer.events(call));
        assertEquals(1, dialer.sent(Request.ACK), "the re-ACKs come from the stack, not from call control");
    }

    @Test
    void a200CrossingOurCancelIsAckedThenByed() throws Exception {
        CallSession call = dial(TrunkScript.neverAnswer().withAnswerOnCancel());
        dialer.await(call, CallEvent.Progress.class, p -> p.code() == 180, WAIT);
        dialer.signalling.cancel(call, LegKind.CUSTOMER);
        trunk.awaitRequest(Request.CANCEL, 1, WAIT);

        dialer.await(call, CallEvent.Answered.class, WAIT);
        // What call control does in CANCELLING on Answered (CallTransitions): ACK, then BYE.
        dialer.signalling.ack(call, LegKind.CUSTOMER);
        dialer.signalling.bye(call, LegKind.CUSTOMER);
        trunk.awaitRequest(Request.BYE, 1, WAIT);

        // The order we sent them in: over UDP the peer's stack may hand two datagrams to its listener in either
        // order, so the peer's own record cannot tell.
        List<String> sent = dialer.sentRequests();
        assertEquals(1, trunk.requests(Request.ACK).size(), "the trunk got the ACK: " + trunk.received());
        assertTrue(sent.indexOf(Request.ACK) >= 0 && sent.indexOf(Request.ACK) < sent.indexOf(Request.BYE),
                "ACK sent before BYE: " + sent);
        assertEquals(1, trunk.requests(Request.CANCEL).size());
        assertEquals(0, trunk.openCalls(), "the trunk's call ended with our BYE");
        assertTrue(dialer.events(call).stream().noneMatch(e -> e instanceof CallEvent.Failed),
                "no 487 after the 200: " + dialer.events(call));
    }

    @Test
    void aCancelAskedBeforeAnyProvisionalWaitsForTheFirstOne() throws Exception {
        CallSession call = dial(TrunkScript.neverAnswer().withProvisionalAfter(Duration.ofMillis(600)));
        trunk.awaitRequest(Request.INVITE, 1, WAIT);
        dialer.signalling.cancel(call, LegKind.CUSTOMER);
        Instant asked = Instant.now();

        Received cancel = trunk.awaitRequest(Request.CANCEL, 1, WAIT);

        Instant firstProvisional = dialer.firstReceived(Request.INVITE, 100, 199);
        assertNotNull(firstProvisional, "a provisional came before the CANCEL went");
        assertFalse(cancel.at().isBefore(firstProvisional), "RFC 3261 9.1: no CANCEL before a 1xx; CANCEL at "
                + cancel.at() + ", first 1xx at " + firstProvisional);
        assertTrue(Duration.between(asked, cancel.at()).toMillis() >= 100,
                "the CANCEL waited: asked " + asked + ", sent " + cancel.at());
        CallEvent.Failed failed = dialer.await(call, CallEvent.Failed.class, WAIT);
        assertEquals(487, failed.code());
        assertEquals(1, dialer.sent(Request.CANCEL));
    }

    @Test
    void aRefusedConnectionFailsTheInviteAndFreesTheLeg() throws Exception {
        int closed = FreePorts.udpAndTcp(); // nothing listens there: the TCP connect is refused
        CallSession call = dialer.call(SignallingHarness.trunk(closed, "tcp", null, null));

        SignallingException refused = assertThrows(SignallingException.class,
                () -> dialer.signalling.inviteCustomer(call, SignallingHarness.offer()));

        assertTrue(refused.getMessage().contains(Integer.toString(closed)), refused.getMessage());
        assertEquals(0, dialer.signalling.openLegs(), "no leg kept for an INVITE that never left");
        assertEquals(0, dialer.sent(Request.INVITE));
        dialer.signalling.cancel(call, LegKind.CUSTOMER); // call control's clean-up finds nothing to send
        assertEquals(0, dialer.sent(Request.CANCEL));
        assertTrue(dialer.events(call).isEmpty(), "the failure is the exception (call control posts Failed): "
                + dialer.events(call));
    }

    /**
     * A TCP peer that takes the INVITE and drops the connection: the RI raises no transport error for it, so the
     * leg fails on Timer B (64*T1, 32 s) as "no response", once; the call's completion then frees it.
     */
    @Test
    void aPeerDroppingTheConnectionFailsTheLegOnceOnTimerB() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CallSession call = dialer.call(SignallingHarness.trunk(peer.getLocalPort(), "tcp", null, null));
            dialer.signalling.inviteCustomer(call, SignallingHarness.offer());
            Instant sent = Instant.now();
            try (Socket connection = peer.accept()) {
                assertTrue(connection.getInputStream().read(new byte[4096]) > 0, "the INVITE arrived");
            }

            CallEvent.Failed failed = dialer.await(call, CallEvent.Failed.class, Duration.ofSeconds(40));

            assertNull(failed.code());
            assertTrue(failed.reason().contains("no response"), failed.reason());
            assertTrue(Duration.between(sent, Instant.now()).toSeconds() >= 30, "Timer B, not earlier");
            assertEquals(1, dialer.signalling.openLegs(), "held until call control is done with it");
            dialer.signalling.forget(call);
            assertEquals(0, dialer.signalling.openLegs());
            assertEquals(1, dialer.events(call).size(), "one outcome: " + dialer.events(call));
        }
    }
}
