package org.fairdial.agent;

/** What an agent is doing, as far as the dialer knows. */
public enum AgentState {
    /** Not registered (never, expired, or unregistered with Expires: 0). */
    LOGGED_OUT,
    /** Registered and idle: may be reserved for the next answered call. */
    AVAILABLE,
    /** Picked for an answered call; its phone is about to be invited. */
    RESERVED,
    /** Its phone has been sent the bridge INVITE (auto-answer) and has not answered yet. */
    RINGING,
    /** Bridged to a callee. */
    TALKING,
    /** After a call, for the campaign's wrap-up time. */
    WRAP_UP,
    /** Registered but taking no calls, with a reason code from config (break, lunch, ...), until ready again. */
    PAUSED,
    /**
     * Its phone rejected or did not answer a bridge INVITE: out of rotation until it registers again, so no
     * further callee is left waiting on a dead phone.
     */
    UNAVAILABLE
}
