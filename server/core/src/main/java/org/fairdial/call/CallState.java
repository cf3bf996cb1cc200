package org.fairdial.call;

/** Where the customer side of a dialer call is. The agent leg's own progress is {@link AgentLegState}. */
public enum CallState {
    /** Created by the dialer, nothing sent yet. */
    NEW,
    /** INVITE sent to the trunk; no provisional response beyond 100 yet. */
    DIALING,
    /** 180/183 received: the callee's phone rings (early media is ignored). The ring timer runs. */
    RINGING,
    /** Ring timeout: CANCEL sent, waiting for the 487 (or a 200 that crossed our CANCEL: ACK then BYE). */
    CANCELLING,
    /**
     * The callee answered (200 OK, ACK sent), comfort noise plays, and an agent is being reserved. Not an RFC
     * state: it exists because reservation is an effect whose answer comes back as an event.
     */
    ANSWERED,
    /**
     * No agent was free at the answer: comfort noise plays while the callee waits, up to the campaign's connect
     * window ({@link org.fairdial.compliance.ConnectWindow}), for an agent about to become free. Not an RFC state:
     * it exists because Garante, Ofcom and the TSR allow a short wait as long as the whole identification message
     * still plays before their cap; the abandon deadline keeps running throughout.
     */
    WAITING_FOR_AGENT,
    /** An agent is reserved and its phone is being invited with auto-answer; the connect deadline runs. */
    CONNECTING_AGENT,
    /** Both legs up and media relayed between them. */
    BRIDGED,
    /**
     * No agent took the call: comfort noise with the caller-identification prompt plays, and the BYE leaves when
     * the prompt ends or at the abandon deadline (whichever first), never later than max-duration after answer.
     */
    ABANDONING,
    /** The customer leg is over. The call is complete once the agent leg is too ({@link AgentLegState#isOpen()}). */
    ENDED
}
