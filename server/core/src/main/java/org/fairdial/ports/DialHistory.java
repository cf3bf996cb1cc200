package org.fairdial.ports;

import java.time.Instant;
import java.util.List;
import org.fairdial.compliance.AbandonHistory;

/** Every dial attempt, abandon and contact per number: the memory behind redial lockouts and frequency caps. */
public interface DialHistory {
    void recordAttempt(String number, String campaign, String leadId, boolean agentReserved, Instant at);

    List<Instant> attemptsSince(String number, Instant since);

    void recordAbandon(String number, Instant at);

    void recordContact(String number, Instant at);

    AbandonHistory abandons(String number);
}
