package org.fairdial.call;

import static org.fairdial.call.CallFixtures.*;
import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.call.CallEvent.Failed;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FailureDisposition}: which final responses count as busy, no answer or failed. */
class FailureDispositionTest {
    @ParameterizedTest
    @ValueSource(ints = {486, 600, 603})
    void busyOrDeclined(int code) {
        assertEquals(Disposition.BUSY, FailureDisposition.of(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 480, 487})
    void nobodyAnswered(int code) {
        assertEquals(Disposition.NO_ANSWER, FailureDisposition.of(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 302, 400, 403, 404, 410, 484, 485, 488, 500, 503, 504, 580, 604, 606})
    void anythingElseFailed(int code) {
        assertEquals(Disposition.FAILED, FailureDisposition.of(code));
    }

    @ParameterizedTest
    @NullSource
    void noResponseFailed(Integer code) {
        assertEquals(Disposition.FAILED, FailureDisposition.of(code));
    }

    @Test
    void theCodeDecidesTheCustomerLegDisposition() {
        EndLeg busy = (EndLeg) CallTransitions.next(RINGING, new Failed(CUSTOMER, 603, "Decline")).effects().get(1);
        assertEquals(end(CUSTOMER, Disposition.BUSY, HangupSide.REMOTE, "Decline"), busy);
        EndLeg notFound = (EndLeg) CallTransitions.next(DIALING, new Failed(CUSTOMER, 404, "Not Found"))
                .effects().get(1);
        assertEquals(end(CUSTOMER, Disposition.FAILED, HangupSide.REMOTE, "Not Found"), notFound);
    }

    @Test
    void theCodeDecidesTheAgentLegDisposition() {
        EndLeg busy = (EndLeg) CallTransitions.next(CONNECTING, new Failed(AGENT, 486, "Busy Here"))
                .effects().get(1);
        assertEquals(end(AGENT, Disposition.BUSY, HangupSide.REMOTE, "Busy Here"), busy);
    }
}
