package org.fairdial.call;

/**
 * The whole state the transition function works on.
 *
 * @param state          customer side of the call
 * @param agentLeg       agent leg progress
 * @param operatorCancel the pending CANCEL was asked by an operator or shutdown, not by the ring timer
 */
public record CallStatus(CallState state, AgentLegState agentLeg, boolean operatorCancel) {

    public static final CallStatus INITIAL = new CallStatus(CallState.NEW, AgentLegState.NONE, false);

    CallStatus with(CallState next) {
        return new CallStatus(next, agentLeg, operatorCancel);
    }

    CallStatus with(CallState next, AgentLegState nextAgent) {
        return new CallStatus(next, nextAgent, operatorCancel);
    }

    /** Both legs are over: the call can be forgotten. */
    public boolean isComplete() {
        return state == CallState.ENDED && !agentLeg.isOpen();
    }
}
