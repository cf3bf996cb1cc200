package org.fairdial.call;

/**
 * The whole state the transition function works on.
 *
 * @param state          customer side of the call
 * @param agentLeg       agent leg progress
 * @param operatorCancel the pending CANCEL was asked by an operator or shutdown, not by the ring timer
 * @param agentSetAside  an agent was reserved for this call before dialing and is still held by it: whatever ends
 *                       the call before the callee answers must give that agent back. At the answer the agent is
 *                       handed to the reservation step ({@link CallEffect.ReserveAgent} answers with the same
 *                       agent), so this is only ever true while the customer leg is being dialed or cancelled.
 */
public record CallStatus(CallState state, AgentLegState agentLeg, boolean operatorCancel, boolean agentSetAside) {

    public static final CallStatus INITIAL = new CallStatus(CallState.NEW, AgentLegState.NONE, false, false);

    public CallStatus(CallState state, AgentLegState agentLeg, boolean operatorCancel) {
        this(state, agentLeg, operatorCancel, false);
    }

    CallStatus with(CallState next) {
        return new CallStatus(next, agentLeg, operatorCancel, agentSetAside);
    }

    CallStatus with(CallState next, AgentLegState nextAgent) {
        return new CallStatus(next, nextAgent, operatorCancel, agentSetAside);
    }

    /** This status with the set-aside agent given back or handed on. */
    CallStatus withoutSetAsideAgent() {
        return new CallStatus(state, agentLeg, operatorCancel, false);
    }

    /** Both legs are over: the call can be forgotten. */
    public boolean isComplete() {
        return state == CallState.ENDED && !agentLeg.isOpen();
    }
}
