package org.fairdial.call;

import java.time.Duration;
import java.time.Instant;

import org.fairdial.cdr.CdrLeg;

/** Who else hears about calls: the campaign (lead outcomes, abandon statistics), metrics. */
public interface CallObserver {

    /** A leg ended; its CDR has been handed to the store. */
    default void legEnded(CallSession call, CdrLeg cdr) {
    }

    /** The call's status changed (after its effects ran). */
    default void stateChanged(CallSession call, CallStatus before, CallStatus after) {
    }

    /** Both legs are over; the session is forgotten after this. */
    default void callCompleted(CallSession call) {
    }

    /**
     * The call's state machine takes {@code event} at {@code now}, {@code queued} after it was posted: how far behind
     * the server's call handling runs.
     */
    default void eventTaken(CallEvent event, Instant now, Duration queued) {
    }

    /** A (status, event) pair outside the transition table arrived and was ignored. */
    default void unexpected(CallSession call, CallStatus status, CallEvent event) {
    }
}
