package org.fairdial.cdr;

import org.fairdial.cdr.store.AsyncCdrWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.StoreTestSupport;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CDR writer against a real database: volume, an outage in the middle of writing, and shutdown while the
 * store is down. The outage is real: the table is renamed away, so inserts fail in the database itself.
 */
abstract class AsyncCdrWriterContract extends StoreTestSupport {

    private JdbcCdrRepository repository;

    @BeforeEach
    void emptyTable() {
        repository = new JdbcCdrRepository(db());
        StoreFixture.execute(dataSource(), "TRUNCATE TABLE cdr_leg");
    }

    @Test
    void tenThousandLegsAreAllStoredAfterFlush() {
        try (AsyncCdrWriter writer = writer(Duration.ofSeconds(5))) {
            List<CdrLeg> legs = legs(10_000);
            legs.forEach(writer::write);
            assertTrue(writer.flush(Duration.ofSeconds(20)), "flush timed out");
            assertEquals(10_000, repository.count());
            assertEquals(10_000, writer.written());
            assertEquals(0, writer.queueDepth());
            assertEquals(0, writer.failedAttempts());
        }
    }

    @Test
    void aLoneLegIsWrittenWithinTheFlushIntervalWithoutAFlush() {
        try (AsyncCdrWriter writer = writer(Duration.ofSeconds(5))) {
            writer.write(legs(1).get(0));
            awaitTrue(() -> repository.count() == 1, Duration.ofSeconds(5), "lone leg not written");
        }
    }

    @Test
    void legsWrittenDuringAnOutageAreStoredExactlyOnceAfterIt() {
        try (AsyncCdrWriter writer = writer(Duration.ofSeconds(5))) {
            List<CdrLeg> before = legs(100);
            before.forEach(writer::write);
            assertTrue(writer.flush(Duration.ofSeconds(10)));

            StoreFixture.execute(dataSource(), "ALTER TABLE cdr_leg RENAME TO cdr_leg_away");
            List<CdrLeg> during = legs(1_200);
            try {
                during.forEach(writer::write);
                awaitTrue(() -> writer.failedAttempts() >= 2, Duration.ofSeconds(10), "no failed attempts");
                assertFalse(writer.flush(Duration.ofMillis(50)));
                assertEquals(1_200, writer.queueDepth());
            } finally {
                StoreFixture.execute(dataSource(), "ALTER TABLE cdr_leg_away RENAME TO cdr_leg");
            }
            assertTrue(writer.flush(Duration.ofSeconds(15)), "backlog not written after the outage");
            assertEquals(1_300, repository.count());
            assertEquals(1_300, writer.written());
            for (CdrLeg leg : List.of(before.get(0), during.get(0), during.get(1_199))) {
                assertEquals(List.of(leg), repository.findByCall(leg.callId()));
            }
        }
    }

    @Test
    void closeWhileTheStoreIsDownReturnsWithinItsBound() {
        AsyncCdrWriter writer = writer(Duration.ofMillis(300));
        StoreFixture.execute(dataSource(), "ALTER TABLE cdr_leg RENAME TO cdr_leg_away");
        try {
            legs(10).forEach(writer::write);
            long start = System.nanoTime();
            writer.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "close took " + took);
            assertEquals(10, writer.queueDepth());
            writer.write(legs(1).get(0));
            assertEquals(10, writer.queueDepth());
        } finally {
            StoreFixture.execute(dataSource(), "ALTER TABLE cdr_leg_away RENAME TO cdr_leg");
        }
        assertEquals(0, repository.count());
    }

    private AsyncCdrWriter writer(Duration closeTimeout) {
        return new AsyncCdrWriter(repository, 500, Duration.ofMillis(20), Duration.ofMillis(20), closeTimeout);
    }

    private static List<CdrLeg> legs(int n) {
        List<CdrLeg> legs = new ArrayList<>(n);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < n; i++) {
            legs.add(TestLegs.full("load", UUID.randomUUID(), Disposition.ANSWERED, t.plusMillis(i)));
        }
        return legs;
    }

    /** Polls a condition the writer thread makes true; the deadline only bounds a failing test. */
    private static void awaitTrue(BooleanSupplier condition, Duration within, String message) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, message);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
