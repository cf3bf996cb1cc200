package org.fairdial.cdr.report;

import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.compliance.AbandonCounts;
import org.fairdial.compliance.WindowFigures;
import org.fairdial.compliance.ComplianceWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.ComplianceWindows.Window;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.storage.JdbcComplianceRepository.Counts;

/**
 * Computes a campaign's figures per regulatory window and keeps them in {@code compliance_report}. A window stored
 * as closed is taken as stored and never recomputed, so its history survives the retention of call-level data;
 * a cumulative formula continues from the last stored window. The windows are {@link ComplianceWindows}'s, the
 * ones the dialer's pacer runs under, from the campaign's epoch (as the dialer stored it) to now; calls count by
 * their answer time, as the pacer counts them, and the rate is the pacer's formula over the same counts (Ofcom's
 * takes the answering machines agents reported, from {@code cdr_leg.agent_disposition}, as the pacer replays them).
 */
public final class ComplianceReporter {
    /** A window is final this long after its end: CDRs of calls still up at its end have arrived by then. */
    static final Duration CLOSE_AFTER = Duration.ofHours(1);

    private final JdbcComplianceRepository repository;
    private final Map<String, JurisdictionProfile> profiles;
    private final InstantSource clock;

    /** @param profiles jurisdiction profiles by name; each formula takes its cap and lockout from its own */
    public ComplianceReporter(JdbcComplianceRepository repository, Map<String, JurisdictionProfile> profiles,
                              InstantSource clock) {
        this.repository = repository;
        this.profiles = Map.copyOf(profiles);
        this.clock = clock;
    }

    /**
     * Computes, stores and returns the windows of {@code formulas} for {@code campaign}.
     *
     * @param zone time zone of the windows' midnights, or null for each formula's own
     */
    public ComplianceReport report(String campaign, String campaignProfile, List<Formula> formulas, ZoneId zone) {
        Instant now = clock.instant();
        List<ComplianceReport.Section> sections = new ArrayList<>();
        for (Formula formula : formulas) {
            JurisdictionProfile profile = profiles.get(formula.profile());
            double cap = profile == null ? 0.03 : profile.abandonRateCap();
            Duration lockout = profile == null ? Duration.ZERO : profile.redialLockout();
            long abandonCapMs = profile == null ? 3_000 : profile.abandonMaxDuration().toMillis();
            List<WindowFigures> windows = compute(campaign, formula, zone == null ? formula.zone() : zone, cap,
                    lockout, abandonCapMs, now);
            sections.add(new ComplianceReport.Section(formula, cap, lockout, windows));
        }
        return new ComplianceReport(campaign, campaignProfile, now, sections);
    }

    /** Stores the windows of every formula (the server does this before retention removes call data). */
    public void storeAll(String campaign) {
        report(campaign, null, List.of(Formula.values()), null);
    }

    private List<WindowFigures> compute(String campaign, Formula formula, ZoneId zone, double cap, Duration lockout,
                                        long abandonCapMs, Instant now) {
        List<WindowFigures> stored = repository.stored(campaign, formula);
        Map<Instant, WindowFigures> closedByEnd = new HashMap<>();
        Instant earliest = null;
        for (WindowFigures w : stored) {
            if (!w.zone().equals(zone.getId())) {
                continue;
            }
            if (w.closed()) {
                closedByEnd.put(w.end(), w);
            }
            if (earliest == null || w.start().isBefore(earliest)) {
                earliest = w.start();
            }
        }
        Instant first = repository.firstCustomerLeg(campaign);
        // The dialer's epoch when it ran the campaign; else the first call's (or, its legs purged, the first
        // stored window's), kept from now on: the pacer and the report count from the same instant.
        Instant epoch = repository.epoch(campaign, first != null ? first : earliest, now);
        if (epoch == null) {
            return List.of();
        }
        List<Instant> redials = repository.redialsInLockout(campaign, lockout);
        List<WindowFigures> result = new ArrayList<>();
        List<WindowFigures> fresh = new ArrayList<>();
        WindowFigures previous = null;
        for (Window w : ComplianceWindows.windows(formula, epoch, now, zone)) {
            WindowFigures figures = closedByEnd.get(w.end());
            if (figures == null) {
                Counts step = repository.counts(campaign, w.stepStart(), w.end());
                long answered = step.answeredLive();
                long abandoned = step.abandoned();
                long machines = step.machines();
                Long worst = step.worstAbandonMs();
                long redialed = count(redials, w.stepStart(), w.end());
                if (formula.cumulative() && previous != null) {
                    answered += previous.answeredLive();
                    abandoned += previous.abandoned();
                    machines += previous.machines();
                    worst = max(worst, previous.worstAbandonMs());
                    redialed += previous.redialsInLockout();
                }
                boolean closed = !w.end().plus(CLOSE_AFTER).isAfter(now);
                double rate = ComplianceWindows.rate(formula,
                        new AbandonCounts(answered - abandoned, abandoned, machines));
                figures = new WindowFigures(formula, w.start(), w.end(), zone.getId(), answered, abandoned, machines,
                        rate, cap, worst, abandonCapMs, redialed, closed, now);
                fresh.add(figures);
            }
            result.add(figures);
            previous = figures;
        }
        repository.save(campaign, fresh);
        return result;
    }

    private static long count(List<Instant> sorted, Instant from, Instant to) {
        long n = 0;
        for (Instant t : sorted) {
            if (!t.isBefore(from) && t.isBefore(to)) {
                n++;
            }
        }
        return n;
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
