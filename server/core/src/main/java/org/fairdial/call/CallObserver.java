package org.fairdial.call;

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

    /** A (status, event) pair outside the transition table arrived and was ignored. */
    default void unexpected(CallSession call, CallStatus status, CallEvent event) {
    }
}
