package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fairdial.call.LatencyWindow;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.PacingMode;
import org.fairdial.dialing.LoadGuard.Level;
import org.fairdial.dialing.pacing.PacingDecision;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a server running late stops dialing ahead, then slows down, before its latency eats into the time an
 * answered call has to reach its agent (agent-connect-timeout, 1 s in the shipped campaign).
 */
class LoadGuardTest {
    private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

    @Test
    void thresholdsAreSharesOfTheAgentConnectTimeout() {
        LatencyWindow events = new LatencyWindow(Duration.ofSeconds(5));
        LoadGuard guard = new LoadGuard("spring", Duration.ofSeconds(1), events);
        assertEquals(Level.NORMAL, guard.level(T0), "no observation: nothing holds the pacer back");
        record(events, 500, Duration.ofMillis(3));
        assertEquals(Level.NORMAL, guard.level(T0));
        record(events, 20, Duration.ofMillis(90));
        assertEquals(Duration.ofMillis(100), guard.latency(T0), "4% of 520 events over 50 ms: the p99 class");
        assertEquals(Level.NO_DIAL_AHEAD, guard.level(T0));
        record(events, 30, Duration.ofMillis(350));
        assertEquals(Level.SLOW, guard.level(T0));
        assertEquals(Level.NORMAL, guard.level(T0.plusSeconds(6)), "the window forgets after 5 s");
    }

    @Test
    void aLateCampaignLoopCountsLikeLateCallEvents() {
        LoadGuard guard = new LoadGuard("spring", Duration.ofSeconds(1), new LatencyWindow(Duration.ofSeconds(5)));
        guard.tickLate(T0, Duration.ofMillis(-30));
        assertEquals(Level.NORMAL, guard.level(T0), "an early tick is no lateness");
        guard.tickLate(T0, Duration.ofMillis(250));
        assertEquals(Level.SLOW, guard.level(T0));
    }

    @Test
    void noDialAheadKeepsOnlyAgentFirstCallsAndSlowOneATick() {
        PacingDecision ahead = new PacingDecision(6, false);
        assertEquals(ahead, LoadGuard.apply(ahead, Level.NORMAL, 2));
        assertEquals(new PacingDecision(2, true), LoadGuard.apply(ahead, Level.NO_DIAL_AHEAD, 2));
        assertEquals(new PacingDecision(1, true), LoadGuard.apply(ahead, Level.SLOW, 2));
        assertEquals(PacingDecision.NONE, LoadGuard.apply(ahead, Level.NO_DIAL_AHEAD, 0), "no agent free: none");
        assertEquals(new PacingDecision(1, true), LoadGuard.apply(new PacingDecision(3, true), Level.SLOW, 3));
    }

    /** The runner: a ratio campaign with budget to spare dials ahead, until its calls' events queue up. */
    @Test
    void theCampaignDialsAheadOnlyWhileTheServerKeepsUp() {
        assertEquals(6, invitesOfAFirstTick(Duration.ZERO), "3 lines for each of the 2 free agents");
        assertEquals(2, invitesOfAFirstTick(Duration.ofMillis(80)), "no dial-ahead: one call per free agent");
        assertEquals(1, invitesOfAFirstTick(Duration.ofMillis(400)), "slow: one call a tick");
    }

    private static int invitesOfAFirstTick(Duration eventDelay) {
        CampaignConfig c = DialerFixture.CAMPAIGN;
        CampaignConfig ratio = new CampaignConfig(c.name(), true, c.trunk(), c.leadsFile(), c.defaultRegion(),
                c.callerId(), c.profile(), c.prompt(), PacingMode.RATIO, 3.0, c.ringTimeout(),
                c.agentConnectTimeout(), c.wrapUp(), c.abandon(), c.rules(), c.leadColumns(), c.doNotCall());
        InMemoryStore store = new InMemoryStore();
        for (int i = 0; i < 1000; i++) {
            store.answeredHistory.add(T0.minusSeconds(3600 - i));
        }
        DialerFixture dialer = new DialerFixture(ratio, store, T0, 30, 100, DialerFixture.leads(20), List.of());
        record(dialer.calls.eventDelays(), 100, eventDelay);
        dialer.started();
        return dialer.network.invites.size();
    }

    private static void record(LatencyWindow window, int count, Duration each) {
        for (int i = 0; i < count; i++) {
            window.record(T0, each);
        }
    }
}
