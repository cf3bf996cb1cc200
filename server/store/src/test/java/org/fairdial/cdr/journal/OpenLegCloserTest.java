package org.fairdial.cdr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Test;

/** How a leg open at a crash is closed: one test per last known state. */
class OpenLegCloserTest {
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");
    private static final Instant ALIVE = T0.plusSeconds(60);

    @Test
    void inviteSentNothingHeardIsCancelledAtTheLastSignOfLife() {
        CdrLeg closed = OpenLegCloser.close(snapshot(LegKind.CUSTOMER, null, null, null, false), ALIVE);
        assertEquals(Disposition.CANCELLED, closed.disposition());
        assertEquals(ALIVE, closed.endedAt());
        assertEquals(60_000, closed.ringMs());
        assertEquals(0, closed.talkMs());
        assertEquals(HangupSide.DIALER, closed.hangupSide());
        assertEquals(OpenLegCloser.REASON, closed.sipReason());
    }

    @Test
    void ringingIsCancelledWithItsRingingTimeKept() {
        CdrLeg closed = OpenLegCloser.close(snapshot(LegKind.CUSTOMER, T0.plusSeconds(1), null, null, false), ALIVE);
        assertEquals(Disposition.CANCELLED, closed.disposition());
        assertEquals(T0.plusSeconds(1), closed.ringingAt());
    }

    @Test
    void answeredNotBridgedCustomerIsAbandoned() {
        CdrLeg closed = OpenLegCloser.close(snapshot(LegKind.CUSTOMER, T0, T0.plusSeconds(5), null, true), ALIVE);
        assertEquals(Disposition.ABANDONED, closed.disposition());
        assertEquals(55_000, closed.talkMs());
        assertEquals(55_000, closed.abandonTreatmentMs());
        assertTrue(closed.sipReason().endsWith("; " + OpenLegCloser.REASON), closed.sipReason());
    }

    @Test
    void bridgedLegsAreAnsweredOnBothSides() {
        assertEquals(Disposition.ANSWERED, OpenLegCloser.close(
                snapshot(LegKind.CUSTOMER, T0, T0.plusSeconds(5), T0.plusSeconds(6), false), ALIVE).disposition());
        assertEquals(Disposition.ANSWERED, OpenLegCloser.close(
                snapshot(LegKind.AGENT, null, T0.plusSeconds(6), T0.plusSeconds(6), false), ALIVE).disposition());
    }

    @Test
    void agentAnsweredButNotBridgedIsCancelled() {
        assertEquals(Disposition.CANCELLED, OpenLegCloser.close(
                snapshot(LegKind.AGENT, null, T0.plusSeconds(6), null, false), ALIVE).disposition());
    }

    @Test
    void aSnapshotNewerThanTheHeartbeatEndsAtItsLastMilestone() {
        CdrLeg closed = OpenLegCloser.close(snapshot(LegKind.CUSTOMER, T0, T0.plusSeconds(5), null, false),
                T0.plusSeconds(2));
        assertEquals(T0.plusSeconds(5), closed.endedAt());
    }

    private static CdrLeg snapshot(LegKind kind, Instant ringing, Instant answered, Instant bridged,
                                   boolean treatment) {
        return new CdrLeg(UUID.randomUUID(), UUID.randomUUID(), kind, "c", "+390299000001", "+390299000001",
                "+390299000001", "sip:dialer@x", "sip:+390299000001@trunk", "+390212345678", "carrier", null,
                "call-1@x", T0, ringing, answered, bridged, T0, ringing == null ? null : 1000L, false, 0, 0,
                Disposition.CANCELLED, answered == null ? null : 200, answered == null ? null : "OK", null,
                HangupSide.DIALER, treatment, 0, 10, 10, 0);
    }
}
