package org.fairdial.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Keeps one campaign's answered and abandoned calls per period of each window its {@link AbandonRule} defines,
 * and answers what the pacer must know: the counts and rate of the current period and how many more abandons
 * it can take. Pure: callers pass every event's time. One per campaign, fed on its dialer thread; its methods
 * lock, so metrics and the admin API may read it from theirs.
 */
public final class AbandonAccountant {
    private final AbandonRule rule;
    private final Map<AbandonWindow, NavigableMap<Instant, AbandonCounts>> periods;

    public AbandonAccountant(AbandonRule rule) {
        this.rule = rule;
        this.periods = new LinkedHashMap<>();
        for (AbandonWindow w : rule.windows()) {
            periods.put(w, new TreeMap<>());
        }
    }

    public AbandonRule rule() {
        return rule;
    }

    /** A live call was put through to an agent at {@code t}. */
    public synchronized void connected(Instant t) {
        add(t, 1, 0, 0);
    }

    /** A live call was answered at {@code t} and no agent took it within the connect deadline. */
    public synchronized void abandoned(Instant t) {
        add(t, 0, 1, 0);
    }

    /** An agent reported the call put through to them at {@code t} as an answering machine. */
    public synchronized void machine(Instant t) {
        add(t, 0, 0, 1);
    }

    private void add(Instant t, long connected, long abandoned, long machines) {
        periods.forEach((w, byStart) -> byStart.merge(w.start(t), AbandonCounts.ZERO.plus(connected, abandoned,
                machines), (a, b) -> a.plus(b.connected(), b.abandoned(), b.machines())));
    }

    /** Counts of the period of {@code window} that holds {@code now}. */
    public synchronized AbandonCounts counts(AbandonWindow window, Instant now) {
        return periods.get(window).getOrDefault(window.start(now), AbandonCounts.ZERO);
    }

    /** Rate of the period of {@code window} that holds {@code now}, by the rule's formula. */
    public synchronized double rate(AbandonWindow window, Instant now) {
        return rule.rate(counts(window, now));
    }

    /**
     * More abandons the current periods can all take and stay at or under the cap, once
     * {@code expectedConnected} more live calls are put through (the smallest over the rule's windows).
     */
    public synchronized double headroom(Instant now, double expectedConnected) {
        double least = Double.POSITIVE_INFINITY;
        for (AbandonWindow w : rule.windows()) {
            least = Math.min(least, rule.headroom(counts(w, now), expectedConnected));
        }
        return least;
    }

    /** Every period of {@code window} that saw a call, oldest first. */
    public synchronized List<Period> periods(AbandonWindow window) {
        List<Period> out = new ArrayList<>();
        periods.get(window).forEach((start, c) -> out.add(new Period(window, start, window.end(start), c,
                rule.rate(c))));
        return out;
    }

    /** The period of each of the rule's windows that holds {@code now}, in the rule's order. */
    public synchronized List<Period> open(Instant now) {
        List<Period> out = new ArrayList<>();
        for (AbandonWindow w : rule.windows()) {
            AbandonCounts c = counts(w, now);
            out.add(new Period(w, w.start(now), w.end(now), c, rule.rate(c)));
        }
        return out;
    }

    /** One period of a window with its counts and rate. */
    public record Period(AbandonWindow window, Instant start, Instant end, AbandonCounts counts, double rate) {
    }
}
