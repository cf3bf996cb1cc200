package org.fairdial.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * United States: abandoned calls at most 3% of calls answered by a live person, per campaign, over each
 * successive 30-day period from the campaign's start (the campaign's life when shorter). Calls answered by a
 * machine are in neither count.
 */
public record TsrAbandonRule(double cap, List<AbandonWindow> windows) implements AbandonRule {
    /** The source. */
    public static final String CITATION = "FTC Telemarketing Sales Rule, 16 CFR 310.4(b)(4)(i) (call abandonment safe harbor)";
    /** The rule's measurement period. */
    public static final Duration PERIOD = Duration.ofDays(30);

    public TsrAbandonRule {
        AbandonRules.checkCap(cap);
        windows = List.copyOf(windows);
    }

    public TsrAbandonRule(double cap, Instant campaignStart) {
        this(cap, List.of(new AbandonWindow.Periods(campaignStart, PERIOD)));
    }

    @Override
    public String profile() {
        return "us-tsr";
    }

    @Override
    public String citation() {
        return CITATION;
    }
}
