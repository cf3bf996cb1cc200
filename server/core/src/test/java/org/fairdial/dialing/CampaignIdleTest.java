package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fairdial.compliance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A campaign that cannot dial says why, once (issue 9's visible refusals): outside calling hours with the time it
 * dials next, every lead refused for good, and nothing said while it dials.
 */
class CampaignIdleTest {
    /** A Tuesday, 22:00 in Rome: after it-garante's weekday hours (9-20). */
    private static final Instant TUESDAY_NIGHT = Instant.parse("2025-03-04T21:00:00Z");
    /** Wednesday 09:00 in Rome (CET). */
    private static final Instant WEDNESDAY_OPENING = Instant.parse("2025-03-05T08:00:00Z");
    private static final Instant TUESDAY_MORNING = Instant.parse("2025-03-04T10:00:00Z");

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
    void outsideCallingHoursTheCampaignSaysWhyAndWhenItDialsNextInOneInfoLine() {
        DialerFixture dialer = new DialerFixture(store, TUESDAY_NIGHT, 2, 100, DialerFixture.leads(3), List.of())
                .started();
        dialer.pass(Duration.ofSeconds(5));

        assertEquals(List.of(), dialer.network.invites);
        IdleReason idle = dialer.runner.idleReason();
        assertEquals(Rule.CALLING_HOURS.code(), idle.rule(), idle.toString());
        assertEquals(WEDNESDAY_OPENING, idle.nextDialAt());
        assertTrue(idle.reason().contains("calling-hours 3"), idle.reason());
        List<String> lines = idleLines();
        assertEquals(1, lines.size(), "one line for 20 ticks: " + lines);
        assertTrue(lines.get(0).contains("campaign spring: idle, leads postponed by calling-hours")
                && lines.get(0).contains("next dial at " + WEDNESDAY_OPENING), lines.get(0));
    }

    @Test
    void everyLeadRefusedForGoodIsSaidOnceWithNoNextDial() {
        List<Lead> leads = DialerFixture.leads(3);
        leads.forEach(l -> store.internalDoNotCall.add(l.e164()));
        DialerFixture dialer = new DialerFixture(store, TUESDAY_MORNING, 2, 100, leads, List.of()).started();
        dialer.pass(Duration.ofSeconds(3));

        assertEquals(List.of(), dialer.network.invites);
        IdleReason idle = dialer.runner.idleReason();
        assertEquals(Rule.DO_NOT_CALL.code(), idle.rule());
        assertNull(idle.nextDialAt());
        assertTrue(idle.reason().startsWith("every lead was refused: do-not-call 3"), idle.reason());
        List<String> lines = idleLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("next dial never (no lead left to dial)"), lines.get(0));
    }

    @Test
    void aCampaignThatDialsHasNoIdleReasonAndLogsNone() {
        DialerFixture dialer = new DialerFixture(store, TUESDAY_MORNING, 2, 100, DialerFixture.leads(3), List.of())
                .started();
        dialer.pass(Duration.ofSeconds(1));

        assertEquals(2, dialer.network.invites.size());
        assertNull(dialer.runner.idleReason());
        assertEquals(List.of(), idleLines());
    }

    private List<String> idleLines() {
        return log.list.stream().filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(": idle, ")).toList();
    }
}
