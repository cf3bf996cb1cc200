package org.fairdial.ports;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The CDR store as the dialer reads it back at start-up: outcomes so far, answers in time order. */
public interface CdrHistory {
    /** Customer legs of the campaign since the instant. */
    CampaignCounts countCustomerLegs(String campaign, Instant since);

    /** Every answered customer leg of the campaign in time order: answer time and whether it was abandoned. */
    void forEachAnswer(String campaign, BiConsumer<Instant, Boolean> answeredAbandoned);

    /**
     * The answer time of every customer leg of the campaign an agent disposed of as ANSWERING_MACHINE
     * ({@code cdr_leg.agent_disposition}), in time order: the machines Ofcom's formula deducts, replayed at start-up
     * as the compliance report counts them.
     */
    void forEachMachine(String campaign, Consumer<Instant> answeredAt);

    /**
     * The instant the campaign's regulatory windows count from ({@link org.fairdial.compliance.CampaignEpoch}):
     * the stored one; when none is stored yet, the epoch of its first stored customer leg (or of {@code now},
     * for a campaign that never called) is stored and returned.
     */
    Instant campaignEpoch(String campaign, Instant now);
}
