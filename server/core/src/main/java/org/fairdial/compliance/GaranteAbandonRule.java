package org.fairdial.compliance;

import java.time.Instant;
import java.util.List;

/**
 * Italy: at most 3 abandoned ("mute") calls per 100 answered, per campaign, counted cumulatively from the
 * campaign's start; answered calls include the abandoned ones.
 */
public record GaranteAbandonRule(double cap, List<AbandonWindow> windows) implements AbandonRule {
    /** The source. */
    public static final String CITATION =
            "Garante privacy, provv. n. 83 of 20 Feb 2014 on \"chiamate mute\" (GU n. 79, 4 Apr 2014)";

    public GaranteAbandonRule {
        AbandonRules.checkCap(cap);
        windows = List.copyOf(windows);
    }

    public GaranteAbandonRule(double cap, Instant campaignStart) {
        this(cap, List.of(new AbandonWindow.Campaign(campaignStart)));
    }

    @Override
    public String profile() {
        return "it-garante";
    }

    @Override
    public String citation() {
        return CITATION;
    }
}
