package org.fairdial.ports;

import java.time.Instant;
import java.util.function.BiConsumer;

/** The CDR store as the dialer reads it back at start-up: outcomes so far, answers in time order. */
public interface CdrHistory {
    /** Customer legs of the campaign since the instant. */
    CampaignCounts countCustomerLegs(String campaign, Instant since);

    /** Every answered customer leg of the campaign in time order: answer time and whether it was abandoned. */
    void forEachAnswer(String campaign, BiConsumer<Instant, Boolean> answeredAbandoned);
}
