package org.fairdial.agent;

/** Told of every agent state change (wallboards, metrics), after the change and outside the registry's lock. */
public interface AgentListener {
    void stateChanged(AgentSnapshot before, AgentSnapshot after);
}
