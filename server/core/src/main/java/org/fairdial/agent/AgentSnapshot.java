package org.fairdial.agent;

import java.time.Instant;

/**
 * A read-only view of one agent for supervisors and tests.
 *
 * @param id           SIP user
 * @param state        current state
 * @param since        when it entered that state
 * @param contact      registered contact URI, or null
 * @param expiresAt    registration expiry, or null
 * @param callsHandled calls bridged to this agent since start
 * @param pauseReason  reason code while PAUSED, else null
 * @param failures     bridges its phone failed in a row since its last call (0: none); more than 0 once back in
 *                     rotation means the agent is on probation, a risk the pacer counts in its abandon budget
 * @param heldUntil    out of rotation (UNAVAILABLE) until then after its last failure, or null
 */
public record AgentSnapshot(String id, AgentState state, Instant since, String contact, Instant expiresAt,
                            long callsHandled, String pauseReason, int failures, Instant heldUntil) {

    /** An agent with no failure on record. */
    public AgentSnapshot(String id, AgentState state, Instant since, String contact, Instant expiresAt,
                         long callsHandled, String pauseReason) {
        this(id, state, since, contact, expiresAt, callsHandled, pauseReason, 0, null);
    }

    /** Failed its last bridge(s): a call to it may be abandoned if the phone fails again. */
    public boolean onProbation() {
        return failures > 0;
    }
}
