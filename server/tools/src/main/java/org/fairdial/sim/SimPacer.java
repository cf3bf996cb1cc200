package org.fairdial.sim;

import java.util.Locale;
import org.fairdial.dialing.pacing.Pacer;
import org.fairdial.dialing.pacing.PredictivePacer;
import org.fairdial.dialing.pacing.PredictiveSettings;
import org.fairdial.dialing.pacing.ProgressivePacer;
import org.fairdial.dialing.pacing.RatioPacer;

/** The pacers the simulator compares: the product's modes and the VICIdial baseline. */
public enum SimPacer {
    PROGRESSIVE("progressive"),
    RATIO("ratio"),
    VICIDIAL("vicidial"),
    PREDICTIVE("predictive");

    /** Line ratio of the fixed-ratio baseline. */
    public static final double BASELINE_RATIO = 2.0;
    private final String option;

    SimPacer(String option) {
        this.option = option;
    }

    /** The name {@code --pacer} takes. */
    public String option() {
        return option;
    }

    /** A fresh pacer for one simulated shift. */
    public Pacer create(SimContext c) {
        return switch (this) {
            case PROGRESSIVE -> ProgressivePacer.progressive();
            case RATIO -> new RatioPacer(BASELINE_RATIO);
            case VICIDIAL -> new VicidialAdaptPacer(c);
            case PREDICTIVE -> new PredictivePacer(c.estimates(), c.accountant()::headroom,
                    PredictiveSettings.defaults());
        };
    }

    /** By {@code --pacer} name. */
    public static SimPacer of(String name) {
        for (SimPacer p : values()) {
            if (p.option.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pacer " + name + " (progressive, ratio, vicidial, predictive, all)");
    }
}
