package org.fairdial.call;

import java.util.List;

/**
 * Result of one transition.
 *
 * @param status     status after the event
 * @param effects    what to do, in order
 * @param unexpected the (status, event) pair is not in the table: logged and counted, nothing done
 */
public record Step(CallStatus status, List<CallEffect> effects, boolean unexpected) {

    static Step to(CallStatus status, CallEffect... effects) {
        return new Step(status, List.of(effects), false);
    }

    static Step ignored(CallStatus status) {
        return new Step(status, List.of(), true);
    }
}
