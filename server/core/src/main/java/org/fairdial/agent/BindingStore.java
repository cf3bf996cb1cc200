package org.fairdial.agent;

import java.util.List;

/**
 * Where {@link AgentRegistry} keeps its agents' registrations across restarts (the store's
 * {@code agent_registration} table). Implementations may throw an unchecked exception while the store is down.
 */
public interface BindingStore {

    /** Every stored binding, expired ones included. */
    List<AgentBinding> all();

    /** Inserts the agent's binding or replaces the stored one. */
    void save(AgentBinding binding);

    /** Deletes the agent's binding, if any. */
    void remove(String agentId);
}
