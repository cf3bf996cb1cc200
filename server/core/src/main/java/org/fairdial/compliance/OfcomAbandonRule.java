package org.fairdial.compliance;

import java.time.ZoneId;
import java.util.List;

/**
 * United Kingdom: abandoned calls at most 3% of live calls per campaign in each midnight-to-midnight day (UK
 * time). When agents report answering machines among the calls put through to them, Ofcom's formula removes
 * the same share of machines from the abandoned calls: {@code D' = D (1 - M / (M + L))}, rate
 * {@code D' / (D' + L)}, with D abandoned, L live calls connected, M machines connected. Below
 * {@link #MIN_SAMPLE} connected calls the share is not trusted and taken as 0 (the stricter reading).
 */
public record OfcomAbandonRule(double cap, List<AbandonWindow> windows) implements AbandonRule {
    /** The source. */
    public static final String CITATION =
            "Ofcom, Persistent misuse statement of policy (20 Dec 2016), annex 3: calculating the abandoned call rate";
    /** Calls put through to agents needed before the machine share is used. */
    public static final long MIN_SAMPLE = 100;

    public OfcomAbandonRule {
        AbandonRules.checkCap(cap);
        windows = List.copyOf(windows);
    }

    public OfcomAbandonRule(double cap, ZoneId ukZone) {
        this(cap, List.of(new AbandonWindow.CalendarDay(ukZone)));
    }

    @Override
    public String profile() {
        return "uk-ofcom";
    }

    @Override
    public String citation() {
        return CITATION;
    }

    /** Share of answering machines among calls agents took, or 0 without enough data. */
    public static double machineShare(AbandonCounts c) {
        long put = c.machines() + c.connected();
        return put < MIN_SAMPLE ? 0 : (double) c.machines() / put;
    }

    /**
     * Abandoned calls the formula counts as live: {@code D' = D (1 - M / (M + L))}, the abandoned calls less the
     * share of them estimated to be machines (the estimate the compliance report prints next to the rate).
     */
    public static double liveAbandoned(AbandonCounts c) {
        return c.abandoned() * (1 - machineShare(c));
    }

    /** Ofcom's rate {@code D' / (D' + L)}; the pacer and {@code report compliance} both compute it here. */
    public static double rateOf(AbandonCounts c) {
        double adjusted = liveAbandoned(c);
        double denominator = adjusted + c.connected();
        return denominator == 0 ? 0 : adjusted / denominator;
    }

    @Override
    public double rate(AbandonCounts c) {
        return rateOf(c);
    }

    @Override
    public double headroom(AbandonCounts c, double expectedConnected) {
        double keep = 1 - machineShare(c);
        double live = c.connected() + Math.max(0, expectedConnected);
        return cap * live / ((1 - cap) * keep) - c.abandoned();
    }
}
