package org.fairdial.admin;

/**
 * Agent state changes a supervisor asks for through the API (the softphone's feature codes do the same). Each
 * call is made on an admin worker thread with an agent id the registry knows. Implementations signal refusals
 * with exceptions the API maps to answers: {@link IllegalArgumentException} (400, e.g. a pause reason code the
 * configuration does not define), {@link IllegalStateException} (409, e.g. pausing a logged-out agent) and
 * {@link UnsupportedOperationException} (501).
 */
public interface AgentControl {

    /** Takes the agent out of rotation, after its current call if it has one, with a configured reason code. */
    void pause(String agentId, String reason);

    /** Puts a paused agent back into rotation. */
    void ready(String agentId);

    /** Logs the agent out: no call is offered until its softphone registers again. */
    void logout(String agentId);
}
