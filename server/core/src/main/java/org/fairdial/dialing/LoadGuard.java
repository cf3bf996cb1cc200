package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import org.fairdial.call.LatencyWindow;
import org.fairdial.dialing.pacing.PacingDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Never faster than the server can take the calls (issue 11): an answer the server connects late is an abandon
 * all the same, and a late abandon treatment breaks the 3 s cap. So the pacer's decision passes through this guard,
 * which reads the server's own latency (the 99th percentile of call events' queue delay and of the campaign
 * loop's tick lateness over the last seconds) and, as it grows, first stops dialing ahead (only calls with an agent
 * set aside, which can never be abandoned), then slows the dial rate to one call a tick.
 *
 * <p>The thresholds are shares of the campaign's agent-connect-timeout, the time an answered call may spend
 * reaching its agent: at {@value #NO_DIAL_AHEAD_SHARE} of it (50 ms of the default 1 s) the server is already
 * eating into the margin a predictive call needs; at {@value #SLOW_SHARE} (200 ms) it is about to miss deadlines.
 */
public final class LoadGuard {
    private static final Logger LOG = LoggerFactory.getLogger(LoadGuard.class);
    static final double NO_DIAL_AHEAD_SHARE = 0.05;
    static final double SLOW_SHARE = 0.2;
    private static final double QUANTILE = 0.99;

    /** How the campaign may dial; its ordinal is the {@code fairdial.campaign.load.level} gauge's value. */
    public enum Level {
        /** As the pacer says. */
        NORMAL,
        /** Agent-first calls only, one per free agent. */
        NO_DIAL_AHEAD,
        /** Agent-first and at most one call a tick. */
        SLOW
    }

    private final String campaign;
    private final Duration noDialAheadAbove;
    private final Duration slowAbove;
    private final LatencyWindow eventDelays;
    private final LatencyWindow tickLateness = new LatencyWindow(Duration.ofSeconds(5));
    private volatile Level level = Level.NORMAL;

    LoadGuard(String campaign, Duration agentConnectTimeout, LatencyWindow eventDelays) {
        this.campaign = campaign;
        this.noDialAheadAbove = share(agentConnectTimeout, NO_DIAL_AHEAD_SHARE);
        this.slowAbove = share(agentConnectTimeout, SLOW_SHARE);
        this.eventDelays = eventDelays;
    }

    /** A paced tick started {@code late} after it was due. */
    void tickLate(Instant now, Duration late) {
        tickLateness.record(now, late);
    }

    /** The server's latency now: the worse of the two 99th percentiles. */
    Duration latency(Instant now) {
        Duration events = eventDelays.quantile(now, QUANTILE);
        Duration ticks = tickLateness.quantile(now, QUANTILE);
        return events.compareTo(ticks) >= 0 ? events : ticks;
    }

    /** The level for the latency now; a change is logged once. */
    Level level(Instant now) {
        Duration latency = latency(now);
        Level next = latency.compareTo(slowAbove) > 0 ? Level.SLOW
                : latency.compareTo(noDialAheadAbove) > 0 ? Level.NO_DIAL_AHEAD : Level.NORMAL;
        if (next != level) {
            if (next.ordinal() > level.ordinal()) {
                LOG.warn("campaign {}: server latency p99 {} ms, dialing {} (no dial-ahead above {} ms, slow above {}"
                        + " ms)", campaign, latency.toMillis(), next, noDialAheadAbove.toMillis(), slowAbove.toMillis());
            } else {
                LOG.info("campaign {}: server latency p99 {} ms, dialing {}", campaign, latency.toMillis(), next);
            }
            level = next;
        }
        return level;
    }

    /** The last level {@link #level} found. */
    Level current() {
        return level;
    }

    /** {@code wanted}, as far as {@code level} allows with {@code agentsFree} agents free. */
    static PacingDecision apply(PacingDecision wanted, Level level, int agentsFree) {
        if (level == Level.NORMAL || wanted.callsToStart() == 0) {
            return wanted;
        }
        int calls = Math.min(wanted.callsToStart(), agentsFree);
        if (level == Level.SLOW) {
            calls = Math.min(calls, 1);
        }
        return calls == 0 ? PacingDecision.NONE : new PacingDecision(calls, true);
    }

    private static Duration share(Duration d, double share) {
        return Duration.ofNanos((long) (d.toNanos() * share));
    }
}
