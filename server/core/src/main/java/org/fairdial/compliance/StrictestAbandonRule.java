package org.fairdial.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code custom} profile: every window any preset uses that fits a campaign, at once: each calendar day in
 * the callee's zone and the campaign cumulatively, with the plain formula (no answering-machine deduction).
 */
public final class StrictestAbandonRule implements AbandonRule {
    /** The source. */
    public static final String CITATION =
            "fairdial custom profile: Ofcom's 24 h day and Garante's cumulative campaign window together, no AMD deduction";

    private final String profile;
    private final double cap;
    private final List<AbandonWindow> windows;

    public StrictestAbandonRule(String profile, double cap, ZoneId zone, Instant campaignStart) {
        this.profile = profile;
        this.cap = AbandonRules.checkCap(cap);
        this.windows = List.of(new AbandonWindow.CalendarDay(zone), new AbandonWindow.Campaign(campaignStart));
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public String citation() {
        return CITATION;
    }

    @Override
    public double cap() {
        return cap;
    }

    @Override
    public List<AbandonWindow> windows() {
        return windows;
    }
}
