package org.fairdial.compliance;

import java.util.List;

/**
 * One jurisdiction's abandon-rate rule: the cap, the windows it is measured over and the formula. The default
 * formula is abandoned calls over live calls (abandoned ones included); a rule with another formula overrides
 * {@link #rate} and {@link #headroom} together.
 */
public interface AbandonRule {

    /** Profile name, e.g. {@code uk-ofcom}. */
    String profile();

    /** The regulation, in one line. */
    String citation();

    /** Highest rate allowed in every period of every window (0.03 = 3%). */
    double cap();

    /** The windows the rule is measured over; the cap applies to each period of each. */
    List<AbandonWindow> windows();

    /** The rate the regulation reads from a window's counts; 0 when nothing was answered. */
    default double rate(AbandonCounts c) {
        return c.live() == 0 ? 0 : (double) c.abandoned() / c.live();
    }

    /**
     * How many more abandoned calls keep the window at or under the cap, once {@code expectedConnected} more live
     * calls have been put through to agents: fractional, negative when the window is already over. With
     * {@code a} abandoned, {@code c} connected and cap {@code k}: {@code (a + x) <= k (a + x + c + e)}, so
     * {@code x = k (c + e) / (1 - k) - a}.
     */
    default double headroom(AbandonCounts c, double expectedConnected) {
        double k = cap();
        return k * (c.connected() + Math.max(0, expectedConnected)) / (1 - k) - c.abandoned();
    }
}
