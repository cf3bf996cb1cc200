package org.fairdial.ports;

import java.util.UUID;

/** Where an agent's disposition of a call lands in the CDRs ({@code cdr_leg.agent_disposition}). */
@FunctionalInterface
public interface CdrDispositions {
    /** Sets the disposition on every leg of the call (the legs may still be on their way to the store). */
    void record(UUID callId, String code);
}
