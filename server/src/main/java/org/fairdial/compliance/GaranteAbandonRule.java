package org.fairdial.compliance;

import java.time.Instant;
import java.util.List;

/**
 * Italy: at most 3 abandoned ("mute") calls per 100 answered, per campaign, counted cumulatively from the
 * campaign's start; answered calls include the abandoned ones.
 */
public final class GaranteAbandonRule implements AbandonRule {
    /** The source. */
    public static final String CITATION =
            "Garante privacy, provv. n. 83 of 20 Feb 2014 on \"chiamate mute\" (GU n. 79, 4 Apr 2014)";

    private final double cap;
    private final List<AbandonWindow> windows;

    public GaranteAbandonRule(double cap, Instant campaignStart) {
        this.cap = AbandonRules.checkCap(cap);
        this.windows = List.of(new AbandonWindow.Campaign(campaignStart));
    }

    @Override
    public String profile() {
        return "it-garante";
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
