package org.fairdial.cdr;

import org.fairdial.cdr.store.DurableCdrSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fairdial.cdr.journal.OpenLegCloser;
import org.fairdial.config.StoreConfig;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.privacy.erasure.ErasureGuard;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.StoreTestSupport;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journaled sink against a real database: an outage followed by a stop before the database came back, legs
 * open at the stop, a second restart, and an erasure that runs while legs of the number are still journaled. The
 * outage is real (the table is renamed away); the "crash" is a close whose writer gives up at once, which leaves
 * the journal exactly as a killed process would (appends are in the file before write() returns).
 */
@Timeout(60)
abstract class DurableCdrSinkContract extends StoreTestSupport {
    private static final String NUMBER = "+390299001122";

    @TempDir
    Path journalDir;

    private JdbcCdrRepository repository;
    private JdbcPrivacyRepository privacy;
    private final NumberHasher hasher = new NumberHasher("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void emptyTables() {
        repository = new JdbcCdrRepository(db());
        privacy = new JdbcPrivacyRepository(dataSource());
        StoreFixture.execute(dataSource(), "TRUNCATE TABLE cdr_leg");
        StoreFixture.execute(dataSource(), "TRUNCATE TABLE privacy_erasure");
    }

    @Test
    void legsOfAnOutageThatOutlivedTheProcessAreStoredOnceAtTheNextStart() throws IOException {
        List<CdrLeg> ended = legs(300, "+390299000");
        CdrLeg open = TestLegs.sparse("sink", LegKind.CUSTOMER, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        takeTableAway();
        try (DurableCdrSink sink = open(Duration.ofMillis(100))) {
            assertEquals(0, sink.recovery().ended().size());
            ended.forEach(sink::write);
            sink.legProgress(open);
            assertTrue(sink.canAcceptCalls(), "an outage does not stop dialing: the journal holds the legs");
        } finally {
            bringTableBack();
        }
        assertEquals(0, repository.count());

        try (DurableCdrSink sink = open(Duration.ofSeconds(5))) {
            assertEquals(300, sink.recovery().ended().size());
            assertEquals(1, sink.recovery().closed().size());
            assertTrue(sink.flush(Duration.ofSeconds(20)));
        }
        assertEquals(301, repository.count());
        assertEquals(List.of(ended.get(0)), repository.findByCall(ended.get(0).callId()));
        CdrLeg closed = repository.findByCall(open.callId()).get(0);
        assertEquals(Disposition.CANCELLED, closed.disposition());
        assertEquals(OpenLegCloser.REASON, closed.sipReason());

        try (DurableCdrSink sink = open(Duration.ofSeconds(5))) {
            assertTrue(sink.flush(Duration.ofSeconds(20)));
            assertEquals(0, sink.recovery().closed().size(), "closed once only");
        }
        assertEquals(301, repository.count(), "a replay stores nothing twice");
    }

    @Test
    void anErasureRunWhileLegsOfTheNumberWereJournaledIsNotUndoneByTheirInsert() throws IOException {
        List<CdrLeg> legs = legs(5, NUMBER.substring(0, NUMBER.length() - 2));
        legs.add(TestLegs.distinct("sink", LegIds.next(), LegIds.next(), NUMBER, Instant.now()));
        takeTableAway();
        try (DurableCdrSink sink = open(Duration.ofMillis(100))) {
            legs.forEach(sink::write);
            privacy.recordErasure(UUID.randomUUID(), hasher.hash(NUMBER), Instant.now(), false, "test", null);
        } finally {
            bringTableBack();
        }
        try (DurableCdrSink sink = open(Duration.ofSeconds(5))) {
            assertTrue(sink.flush(Duration.ofSeconds(20)));
        }
        assertEquals(6, repository.count());
        CdrLeg erased = repository.findByCall(legs.get(5).callId()).get(0);
        assertNull(erased.normalizedNumber());
        assertNull(erased.dialedNumber());
        assertNull(erased.toUri());
        assertEquals(Disposition.ANSWERED, erased.disposition(), "the statistics stay");
        assertEquals(legs.get(0).normalizedNumber(), repository.findByCall(legs.get(0).callId()).get(0)
                .normalizedNumber(), "other numbers untouched");
    }

    @Test
    void anAgentLegThatPresentedAnErasedNumberLosesItsFromUriOnItsWayIn() throws IOException {
        CdrLeg a = TestLegs.agent("sink", LegIds.next(), Disposition.ANSWERED, Instant.now());
        CdrLeg agent = new CdrLeg(a.legId(), a.callId(), LegKind.AGENT, "sink", null, a.dialedNumber(), null,
                "sip:" + NUMBER + "@dialer.test", a.toUri(), a.callerId(), null, a.agent(), a.sipCallId(),
                a.createdAt(), a.ringingAt(), a.answeredAt(), a.bridgedAt(), a.endedAt(), a.postDialDelayMs(), false,
                a.ringMs(), a.talkMs(), a.disposition(), a.sipCode(), a.sipReason(), null, a.hangupSide(), false, 0,
                a.rtpSent(), a.rtpReceived(), a.rtpLost());
        CdrLeg otherAgent = TestLegs.agent("sink", LegIds.next(), Disposition.ANSWERED, Instant.now());
        takeTableAway();
        try (DurableCdrSink sink = open(Duration.ofMillis(100))) {
            sink.write(agent);
            sink.write(otherAgent);
            privacy.recordErasure(UUID.randomUUID(), hasher.hash(NUMBER), Instant.now(), false, "test", null);
        } finally {
            bringTableBack();
        }
        try (DurableCdrSink sink = open(Duration.ofSeconds(5))) {
            assertTrue(sink.flush(Duration.ofSeconds(20)));
        }
        CdrLeg stored = repository.findByCall(agent.callId()).get(0);
        assertNull(stored.fromUri());
        assertEquals(agent.toUri(), stored.toUri(), "the agent's own contact stays");
        assertEquals(agent.agent(), stored.agent());
        assertEquals(otherAgent.fromUri(), repository.findByCall(otherAgent.callId()).get(0).fromUri());
    }

    private DurableCdrSink open(Duration closeTimeout) throws IOException {
        StoreConfig base = fixture().config();
        StoreConfig config = new StoreConfig(base.jdbcUrl(), base.user(), base.password(), 4, 100,
                Duration.ofMillis(20), Duration.ofMillis(20), new JournalConfig(true, journalDir, 1L << 20, 4L << 20));
        ErasureGuard guarded = new ErasureGuard(repository, privacy, hasher, InstantSource.system());
        return DurableCdrSink.open(guarded, config, db()::durabilityBarrier, InstantSource.system(), closeTimeout);
    }

    private void takeTableAway() {
        StoreFixture.execute(dataSource(), "ALTER TABLE cdr_leg RENAME TO cdr_leg_away");
    }

    private void bringTableBack() {
        StoreFixture.execute(dataSource(), "ALTER TABLE cdr_leg_away RENAME TO cdr_leg");
    }

    private static List<CdrLeg> legs(int n, String prefix) {
        List<CdrLeg> legs = new ArrayList<>(n);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < n; i++) {
            legs.add(TestLegs.distinct("sink", LegIds.next(), LegIds.next(), prefix + String.format("%03d", i),
                    t.plusMillis(i)));
        }
        return legs;
    }
}
