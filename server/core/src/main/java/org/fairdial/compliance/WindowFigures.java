package org.fairdial.compliance;

import java.time.Instant;
import org.fairdial.compliance.ComplianceWindows.Formula;

/**
 * The figures of one campaign in one regulatory window, as printed, exported as JSON and kept in
 * {@code compliance_report}.
 *
 * @param formula          how the window and rate are defined
 * @param start            window start (inclusive; legs count by their INVITE time)
 * @param end              window end (exclusive)
 * @param zone             time zone of the window's midnights
 * @param answeredLive     customer legs a person answered (ANSWERED + ABANDONED)
 * @param abandoned        customer legs ABANDONED
 * @param machines         answered customer legs an agent disposed of as ANSWERING_MACHINE (in answeredLive, as
 *                         the pacer counts them); only Ofcom's formula uses them
 * @param abandonRate      the formula's rate ({@link ComplianceWindows#rate(Formula, AbandonCounts)}; 0.03 = 3 %)
 * @param rateCap          the profile's cap
 * @param worstAbandonMs   longest answer-to-hang-up of an abandoned call, ms; null when none was abandoned
 * @param abandonCapMs     the profile's abandon-max-duration, ms
 * @param redialsInLockout calls placed to a number inside its redial lockout after an abandoned call (must be 0)
 * @param closed           the window ended more than an hour ago: its stored figures are final
 * @param computedAt       when the figures were computed
 */
public record WindowFigures(Formula formula, Instant start, Instant end, String zone, long answeredLive,
                            long abandoned, long machines, double abandonRate, double rateCap, Long worstAbandonMs,
                            long abandonCapMs, long redialsInLockout, boolean closed, Instant computedAt) {

    /** The window as the pacer's accountant holds it: connected (answered, not abandoned), abandoned, machines. */
    public AbandonCounts counts() {
        return new AbandonCounts(answeredLive - abandoned, abandoned, machines);
    }

    /**
     * Share of answering machines among calls put through to agents that the rate used: Ofcom's
     * {@code M / (M + L)} (0 below {@link OfcomAbandonRule#MIN_SAMPLE} calls put through); 0 for other formulas.
     */
    public double machineShare() {
        return formula == Formula.UK_OFCOM_24H ? OfcomAbandonRule.machineShare(counts()) : 0;
    }

    /** Abandoned calls the rate counted as live: Ofcom's {@code D (1 - share)}; the abandoned count otherwise. */
    public double liveAbandoned() {
        return formula == Formula.UK_OFCOM_24H ? OfcomAbandonRule.liveAbandoned(counts()) : abandoned;
    }

    /** Within the rate cap, no abandoned call over the time cap, no redial inside a lockout. */
    public boolean compliant() {
        return abandonRate <= rateCap + 1e-12 && redialsInLockout == 0
                && (worstAbandonMs == null || worstAbandonMs <= abandonCapMs);
    }
}
