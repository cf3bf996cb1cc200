package org.fairdial.call;

/** Timers a call starts; each comes back as a {@link CallEvent.TimerFired} on the call's executor. */
public enum TimerKind {
    /** Ring timeout of the customer leg (campaign ring-timeout, at least 15 s). */
    RING,
    /** The agent's phone must answer within the campaign's agent-connect-timeout. */
    AGENT_CONNECT,
    /**
     * End of the wait for an agent about to become free ({@link org.fairdial.compliance.ConnectWindow}); at expiry
     * the abandon treatment starts.
     */
    CONNECT_WINDOW,
    /** Hard cap from the callee's 200 OK to our BYE when no agent talks (abandon.max-duration). */
    ABANDON_DEADLINE,
    /**
     * We CANCELled the customer leg and its INVITE has no final response yet; at expiry (dialer.calls.
     * cancel-timeout, 64*T1 = 32 s by default, RFC 3261 Timer B/F) the leg is ended without one.
     */
    CUSTOMER_CANCEL,
    /** The same for the agent leg: a softphone that ignores our CANCEL must not hold the call open. */
    AGENT_CANCEL
}
