package org.fairdial.call;

/** Progress of the agent leg of a call, tracked beside {@link CallState} so a late agent response is handled. */
public enum AgentLegState {
    /** No agent leg was ever started. */
    NONE,
    /** INVITE sent to the agent's softphone. */
    INVITING,
    /** We sent CANCEL; a 487 or a crossing 200 (then ACK + BYE) will close it. */
    CANCELLING,
    /** The agent answered and talks to the customer. */
    UP,
    /** The agent leg is over and its CDR written. */
    DONE;

    /** The leg still needs a SIP exchange before the call can be forgotten. */
    public boolean isOpen() {
        return this == INVITING || this == CANCELLING || this == UP;
    }
}
