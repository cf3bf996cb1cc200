package org.fairdial.call;

import java.time.Instant;

/**
 * Where a callee's keypress opt-out goes: the internal do-not-call list every campaign checks before each INVITE
 * (source {@code OPT_OUT_KEYPRESS}). Called on the call's executor, before the BYE; a failure is logged and the
 * call still ends.
 */
@FunctionalInterface
public interface OptOutSink {

    /** The callee of {@code campaign} at {@code e164} asked, by keypress, to be called no more. */
    void optedOut(String e164, String campaign, Instant at);
}
