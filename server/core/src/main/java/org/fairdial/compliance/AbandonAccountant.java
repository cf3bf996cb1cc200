package org.fairdial.compliance;

import java.time.Duration;
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
 *
 * <p>A cumulative window ({@link AbandonWindow.Campaign}) is one period, but the compliance report prints it as
 * it stood at the end of each day: a row per prefix of the campaign. Once the wall clock has gone back, the store
 * holds answers stamped after now, and a prefix ending after now but before them holds fewer connected calls than
 * the whole campaign; an abandon now counts in that prefix too. So {@link #headroom} takes the least over every
 * such prefix, which the accountant keeps per {@link #SLOT} (UTC quarter hours: every zone's midnight falls on
 * one, so a report in any zone reads one of these prefixes).
 */
public final class AbandonAccountant {
    /** Granularity of a cumulative window's prefixes. */
    static final Duration SLOT = Duration.ofMinutes(15);

    private final AbandonRule rule;
    private final Map<AbandonWindow, NavigableMap<Instant, AbandonCounts>> periods;
    /** Per cumulative window, its counts per {@link #SLOT} of answer time. */
    private final Map<AbandonWindow, NavigableMap<Instant, AbandonCounts>> slots;

    public AbandonAccountant(AbandonRule rule) {
        this.rule = rule;
        this.periods = new LinkedHashMap<>();
        this.slots = new LinkedHashMap<>();
        for (AbandonWindow w : rule.windows()) {
            periods.put(w, new TreeMap<>());
            if (w instanceof AbandonWindow.Campaign) {
                slots.put(w, new TreeMap<>());
            }
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
        AbandonCounts one = AbandonCounts.ZERO.plus(connected, abandoned, machines);
        periods.forEach((w, byStart) -> byStart.merge(w.start(t), one, AbandonAccountant::sum));
        slots.forEach((w, bySlot) -> bySlot.merge(slot(t), one, AbandonAccountant::sum));
    }

    private static AbandonCounts sum(AbandonCounts a, AbandonCounts b) {
        return a.plus(b.connected(), b.abandoned(), b.machines());
    }

    private static Instant slot(Instant t) {
        long s = SLOT.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
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
     * {@code expectedConnected} more live calls are put through (the smallest over the rule's windows; for a
     * cumulative window, over each of its prefixes that an abandon at {@code now} counts in).
     */
    public synchronized double headroom(Instant now, double expectedConnected) {
        double least = Double.POSITIVE_INFINITY;
        for (AbandonWindow w : rule.windows()) {
            least = Math.min(least, rule.headroom(counts(w, now), expectedConnected));
            NavigableMap<Instant, AbandonCounts> bySlot = slots.get(w);
            if (bySlot != null) {
                least = Math.min(least, prefixHeadroom(counts(w, now), bySlot.tailMap(slot(now), false),
                        expectedConnected));
            }
        }
        return least;
    }

    /**
     * The least headroom of the prefixes of a cumulative window ending at the start of each slot after now's,
     * given its {@code total} and the counts of those later slots (none unless the clock went back).
     */
    private double prefixHeadroom(AbandonCounts total, NavigableMap<Instant, AbandonCounts> later,
                                  double expectedConnected) {
        double least = Double.POSITIVE_INFINITY;
        AbandonCounts prefix = total;
        for (AbandonCounts slot : later.descendingMap().values()) {
            prefix = new AbandonCounts(prefix.connected() - slot.connected(), prefix.abandoned() - slot.abandoned(),
                    prefix.machines() - slot.machines());
            least = Math.min(least, rule.headroom(prefix, expectedConnected));
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
