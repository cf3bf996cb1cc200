package org.fairdial.call;

/** Timers a call starts; each comes back as a {@link CallEvent.TimerFired} on the call's executor. */
public enum TimerKind {
    /** Ring timeout of the customer leg (campaign ring-timeout, at least 15 s). */
    RING,
    /** The agent's phone must answer within the campaign's agent-connect-timeout. */
    AGENT_CONNECT,
    /** Hard cap from the callee's 200 OK to our BYE when no agent talks (abandon.max-duration). */
    ABANDON_DEADLINE
}
