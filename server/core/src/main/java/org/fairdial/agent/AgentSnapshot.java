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
 */
public record AgentSnapshot(String id, AgentState state, Instant since, String contact, Instant expiresAt,
                            long callsHandled, String pauseReason) {
}
