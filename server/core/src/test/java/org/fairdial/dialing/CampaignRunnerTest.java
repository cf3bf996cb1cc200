package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fairdial.agent.AgentState;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.compliance.Rule;
import org.fairdial.ports.Denial;
import org.fairdial.ports.LeadState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link CampaignRunner} through its ports, on a manual clock: what a store that fails (a database cut away) does
 * to dialing. The measured bug this guards: a {@code StoreException} in a tick leaked the trunk channel and the
 * reserved agent and cancelled the campaign's ticker for good; the outcome of a call ending meanwhile was lost.
 */
class CampaignRunnerTest {
    /** A Tuesday, 11:00 in Rome: inside it-garante's calling hours. */
    private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");
    private static final List<AgentState> BOTH_AVAILABLE = List.of(AgentState.AVAILABLE, AgentState.AVAILABLE);

    private final InMemoryStore store = new InMemoryStore();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger dialingLog = (Logger) LoggerFactory.getLogger("org.fairdial.dialing");

    @BeforeEach
    void captureLog() {
        log.start();
        dialingLog.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        dialingLog.detachAppender(log);
    }

    @Test
    void aTickWhoseGateFailsGivesBackChannelAndAgentRecordsTheReasonAndKeepsTicking() {
        DialerFixture dialer = new DialerFixture(store, T0, 2, 100, DialerFixture.leads(3), List.of());
        store.down = true;
        dialer.started();

        assertEquals(List.of(), dialer.network.invites, "no call placed on rules that were not checked");
        assertEquals(0, dialer.trunk.inUse(), "trunk channel given back");
        assertEquals(BOTH_AVAILABLE, dialer.agentStates(), "reserved agent given back");
        assertFalse(dialer.health.available());
        int probes = store.refused;
        dialer.pass(Duration.ofSeconds(3));
        assertTrue(store.refused > probes, "the ticker still runs (and probes the store): " + store.refused);
        assertTrue(dialer.runner.running());
        assertEquals(0, dialer.trunk.inUse());
        assertEquals(BOTH_AVAILABLE, dialer.agentStates());
        long denied = dialer.health.deniedCalls();
        assertTrue(denied >= 1, "denied " + denied);
        assertEquals(denied, dialer.gate.unwrittenDenials(), "denials kept until the store takes them");

        store.down = false;
        dialer.pass(Duration.ofMillis(1500));
        assertTrue(dialer.health.available());
        assertEquals(2, dialer.network.invites.size(), "dialing resumed by itself: one call per agent");
        assertEquals(2, dialer.trunk.inUse());
        assertEquals(0, dialer.gate.unwrittenDenials());
        assertEquals(denied, store.denials.size());
        for (Denial d : store.denials) {
            assertEquals(Rule.STORE_UNAVAILABLE, d.rule());
            assertTrue(d.reason().startsWith("store-unavailable: Cannot "), d.reason());
            assertEquals(d.at().plus(DialGate.STORE_RETRY), d.retryAt(), "postponed, not dropped");
        }
        assertEquals("store-unavailable", Rule.STORE_UNAVAILABLE.code());
    }

    @Test
    void anAttemptTheStoreCannotCountIsNotDialed() {
        store.attemptsDown = true;
        DialerFixture dialer = new DialerFixture(store, T0, 2, 100, DialerFixture.leads(2), List.of()).started();

        assertEquals(List.of(), dialer.network.invites);
        assertEquals(0, dialer.trunk.inUse());
        assertEquals(BOTH_AVAILABLE, dialer.agentStates());
        assertEquals(List.of(), List.copyOf(store.leadStates.values()), "no attempt stored for the lead");

        store.attemptsDown = false;
        dialer.pass(Duration.ofMillis(1500));
        assertEquals(2, dialer.network.invites.size());
        assertTrue(store.denials.stream().allMatch(d -> d.rule() == Rule.STORE_UNAVAILABLE), "" + store.denials);
        assertEquals(2, store.attempts.size(), "each call counted once");
    }

    @Test
    void outcomesOfCallsEndedDuringTheOutageAreStoredAfterIt() {
        DialerFixture dialer = new DialerFixture(store, T0, 2, 100, DialerFixture.leads(3), List.of()).started();
        assertEquals(2, dialer.network.invites.size());

        store.down = true;
        dialer.pass(Duration.ofSeconds(2));
        int refusedBefore = store.refused;
        dialer.busyAll();
        assertEquals(0, dialer.calls.size());
        assertEquals(0, dialer.trunk.inUse(), "channels of ended calls given back");
        assertEquals(BOTH_AVAILABLE, dialer.agentStates());
        assertEquals(2, dialer.runner.pendingOutcomes());
        dialer.pass(Duration.ofSeconds(5));
        assertEquals(2, dialer.network.invites.size(), "nothing dialed while the store is down");
        assertEquals(2, dialer.runner.pendingOutcomes());
        assertTrue(store.refused - refusedBefore <= 6, "a store that fails (and may block for the pool's timeout)"
                + " is asked at most once a second, not at every call that ends: " + (store.refused - refusedBefore));

        store.down = false;
        dialer.pass(Duration.ofMillis(1500));
        assertEquals(0, dialer.runner.pendingOutcomes());
        for (CdrLeg leg : dialer.customerLegs()) {
            LeadState state = store.leadStates.get(leg.leadId());
            assertEquals(Disposition.BUSY, state.lastDisposition(), leg.leadId());
            assertEquals(T0.plusSeconds(2).plus(Duration.ofMinutes(15)), state.nextEligibleAt(),
                    "retry after busy counted from the end of the call, not from the store's return");
        }
        assertEquals(3, dialer.network.invites.size(), "the third lead is dialed once the store answers");
    }

    @Test
    void anOutageIsOneWarnAtItsStartAndOneInfoAtItsEnd() {
        DialerFixture dialer = new DialerFixture(store, T0, 2, 100, DialerFixture.leads(6), List.of()).started();
        for (int outage = 1; outage <= 2; outage++) {
            store.down = true;
            dialer.busyAll();
            dialer.pass(Duration.ofSeconds(10));
            store.down = false;
            dialer.pass(Duration.ofMillis(1500));
            assertEquals(outage, dialer.health.outages());
        }
        List<ILoggingEvent> lines = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .filter(e -> e.getLoggerName().equals(StoreHealth.class.getName())).toList();
        assertEquals(List.of(Level.WARN, Level.INFO, Level.WARN, Level.INFO),
                lines.stream().map(ILoggingEvent::getLevel).toList(), "" + lines);
        assertTrue(lines.get(0).getFormattedMessage().contains("Connection refused"),
                lines.get(0).getFormattedMessage());
        assertTrue(lines.get(1).getFormattedMessage().startsWith("store available again after "),
                lines.get(1).getFormattedMessage());
        assertEquals(List.of(), log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> !e.getLoggerName().equals(StoreHealth.class.getName())).toList(),
                "nothing logged per call");
        Duration lasted = dialer.health.lastOutage();
        assertTrue(lasted.compareTo(Duration.ofSeconds(10)) >= 0 && lasted.compareTo(Duration.ofMillis(11_500)) <= 0,
                "outage measured from the first failure to the first success: " + lasted);
    }

    @Test
    void aFullOutcomeQueuePausesDialingRatherThanDropping() {
        store.failSave = s -> s.lastDisposition() != null;
        DialerFixture dialer = new DialerFixture(store, T0, 2, 1, DialerFixture.leads(4), List.of()).started();
        assertEquals(2, dialer.network.invites.size());
        dialer.busyAll();
        assertEquals(2, dialer.runner.pendingOutcomes(), "both kept, the bound notwithstanding");
        dialer.pass(Duration.ofSeconds(5));
        assertEquals(2, dialer.network.invites.size(), "full: no new call although agents and leads wait");
        assertEquals(BOTH_AVAILABLE, dialer.agentStates());

        store.failSave = s -> false;
        dialer.pass(Duration.ofMillis(1500));
        assertEquals(0, dialer.runner.pendingOutcomes());
        assertEquals(2, store.leadStates.values().stream().filter(s -> s.lastDisposition() == Disposition.BUSY)
                .count());
        assertEquals(4, dialer.network.invites.size());
    }

    @Test
    void anOutcomeLeftInTheCdrJournalByACrashIsStoredAtTheNextStart() {
        List<Lead> leads = DialerFixture.leads(1);
        DialerFixture before = new DialerFixture(store, T0, 2, 100, leads, List.of()).started();
        store.down = true;
        before.busyAll();
        assertEquals(1, before.runner.pendingOutcomes());
        List<CdrLeg> journal = before.customerLegs();
        assertEquals(1, journal.size());
        assertNull(store.leadStates.get(leads.get(0).id()).lastDisposition(), "only the attempt is stored");

        // The process dies here; the store comes back; the next start replays the journal.
        store.down = false;
        DialerFixture after = new DialerFixture(store, T0.plusSeconds(30), 2, 100, leads, journal).started();
        LeadState state = store.leadStates.get(leads.get(0).id());
        assertEquals(Disposition.BUSY, state.lastDisposition());
        assertEquals(journal.get(0).endedAt().plus(Duration.ofMinutes(15)), state.nextEligibleAt());
        assertEquals(1, state.attempts());
        assertEquals(List.of(), after.network.invites, "not redialed before the busy retry delay");
        after.pass(Duration.ofMinutes(15));
        assertEquals(List.of(leads.get(0).e164()), after.network.invites);
    }
}
