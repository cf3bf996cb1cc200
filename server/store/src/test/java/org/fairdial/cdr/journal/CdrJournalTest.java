package org.fairdial.cdr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a real file system: replay after a stop without commits, closing of open legs, trimming, torn
 * records, a full disk, and one process per directory. A "crash" here is a close without the database ever
 * committing: the journal then holds exactly what a killed process leaves (every append is a write into the page
 * cache before the call returns; nothing is written at close but a flush).
 */
@Timeout(60)
class CdrJournalTest {
    private static final long SEGMENT = 1L << 20;

    @TempDir
    Path dir;

    private final AtomicLong usable = new AtomicLong(Long.MAX_VALUE);
    private final AtomicBoolean diskFull = new AtomicBoolean();

    @Test
    void legsEndedButNotCommittedAreHandedBackAtTheNextStart() throws IOException {
        CdrLeg a = leg(Disposition.ANSWERED);
        CdrLeg b = leg(Disposition.BUSY);
        try (CdrJournal journal = open().journal()) {
            assertTrue(journal.ended(a));
            assertTrue(journal.ended(b));
            journal.committed(List.of(a));
        }
        CdrJournal.Opened again = open();
        try (CdrJournal journal = again.journal()) {
            // a shares b's segment, which is kept for b: it comes back too, and inserting it again is a no-op
            assertTrue(again.recovery().ended().contains(b));
            assertEquals(List.of(), again.recovery().closed());
            assertTrue(journal.canAcceptCalls());
        }
    }

    @Test
    void aLegOpenAtTheCrashIsClosedOnceAndTheClosingIsJournaled() throws IOException {
        CdrLeg answered = snapshot(TestLegs.T0.plusSeconds(3));
        Instant before = Instant.now();
        try (CdrJournal journal = open().journal()) {
            assertTrue(journal.open(snapshot(null)));
            assertTrue(journal.open(answered));
        }
        CdrJournal.Opened first = open();
        CdrLeg closed;
        try (CdrJournal journal = first.journal()) {
            assertEquals(1, first.recovery().closed().size());
            closed = first.recovery().closed().get(0);
            assertEquals(answered.legId(), closed.legId());
            assertEquals(Disposition.ABANDONED, closed.disposition(), "answered, never bridged");
            assertEquals(HangupSide.DIALER, closed.hangupSide());
            assertFalse(closed.endedAt().isBefore(before.minusSeconds(1)), "ended at the last sign of life");
        }
        CdrJournal.Opened second = open();
        try (CdrJournal journal = second.journal()) {
            assertEquals(List.of(), second.recovery().closed(), "closed once, not at every start");
            assertEquals(List.of(closed), second.recovery().ended());
        }
    }

    @Test
    void aLegThatEndedInALaterSegmentIsNotClosed() throws IOException {
        CdrLeg opened = snapshot(null);
        try (CdrJournal journal = open().journal()) {
            journal.open(opened);
            for (int i = 0; i < 3_000; i++) {
                journal.ended(leg(Disposition.NO_ANSWER));
            }
            journal.ended(OpenLegCloser.close(opened, TestLegs.T0.plusSeconds(9)));
        }
        CdrJournal.Opened again = open();
        try (CdrJournal journal = again.journal()) {
            assertTrue(again.recovery().segments() > 1, "records spread over segments");
            assertEquals(List.of(), again.recovery().closed());
            assertEquals(3_001, again.recovery().ended().size());
        }
    }

    @Test
    void segmentsAreWipedOnceTheirLegsAreCommitted() throws Exception {
        try (CdrJournal journal = open().journal()) {
            List<CdrLeg> legs = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                CdrLeg leg = leg(Disposition.ANSWERED);
                journal.open(leg);
                journal.ended(leg);
                legs.add(leg);
            }
            assertTrue(journal.stats().segments() > 1);
            journal.committed(legs);
            await("segments holding only committed legs wiped", () -> !anyFileHolds("+442079460018"));
            await("spares kept, the rest deleted", () -> segmentFiles() <= 1 + CdrJournal.MAX_SPARES);
        }
    }

    @Test
    void aTornRecordIsSkippedAndTheRestRecovered() throws IOException {
        CdrLeg kept = leg(Disposition.ANSWERED);
        try (CdrJournal journal = open().journal()) {
            journal.ended(kept);
            journal.ended(leg(Disposition.BUSY));
        }
        Path segment = firstSegmentWithData();
        long second = JournalSegment.HEADER + JournalCodec.encode(JournalRecordType.END, 0, kept).length;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55, 0x55}), second + JournalCodec.FRAME + 40);
        }
        CdrJournal.Opened again = open();
        try (CdrJournal journal = again.journal()) {
            assertEquals(List.of(kept), again.recovery().ended());
            assertEquals(1, again.recovery().tornRecords());
        }
    }

    @Test
    void aFullDiskStopsDialingWhileRecordsStillFitThenDialingResumes() throws Exception {
        try (CdrJournal journal = open().journal()) {
            journal.ended(leg(Disposition.ANSWERED));
            await("spare segment prepared", () -> journal.stats().spares() == 1);
            diskFull.set(true);
            int written = 0;
            while (journal.stats().spares() == 1) {
                assertTrue(journal.ended(leg(Disposition.ANSWERED)), "every record is kept");
                written++;
            }
            await("alarm raised", () -> !journal.canAcceptCalls());
            assertTrue(journal.alarm().contains("cannot prepare the next journal segment"), journal.alarm());
            for (int i = 0; i < 100; i++) {
                assertTrue(journal.ended(leg(Disposition.ANSWERED)), "calls in progress are still recorded");
            }
            assertTrue(written > 100);
            diskFull.set(false);
            await("dialing resumes", journal::canAcceptCalls);
        }
    }

    @Test
    void littleFreeSpaceStopsDialing() throws Exception {
        try (CdrJournal journal = open().journal()) {
            await("healthy", journal::canAcceptCalls);
            usable.set(3 * SEGMENT);
            await("alarm raised", () -> !journal.canAcceptCalls());
            assertTrue(journal.alarm().contains("below min-free-space"), journal.alarm());
            usable.set(Long.MAX_VALUE);
            await("dialing resumes", journal::canAcceptCalls);
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameJournal() throws IOException {
        try (CdrJournal journal = open().journal()) {
            assertTrue(CdrJournal.inUse(journal.directory()));
            IOException e = assertThrows(IOException.class, this::open);
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
        assertFalse(CdrJournal.inUse(dir.resolve("j")));
    }

    private CdrJournal.Opened open() throws IOException {
        JournalConfig config = new JournalConfig(true, dir.resolve("j"), SEGMENT, 4 * SEGMENT);
        return CdrJournal.open(config, () -> { }, InstantSource.system(), usable::get, (file, size) -> {
            if (diskFull.get()) {
                throw new IOException("No space left on device");
            }
            return JournalSegment.allocate(file, size);
        });
    }

    private static CdrLeg leg(Disposition disposition) {
        return TestLegs.full("j", UUID.randomUUID(), disposition, TestLegs.T0);
    }

    private static final UUID OPEN_LEG = UUID.randomUUID();

    /** The same customer leg, under way; answered at {@code answeredAt} when not null. */
    private static CdrLeg snapshot(Instant answeredAt) {
        CdrLeg f = TestLegs.full("j", OPEN_LEG, Disposition.CANCELLED, TestLegs.T0);
        return new CdrLeg(OPEN_LEG, OPEN_LEG, f.kind(), f.campaign(), f.leadId(), f.dialedNumber(),
                f.normalizedNumber(), f.fromUri(), f.toUri(), f.callerId(), f.trunk(), null, f.sipCallId(),
                TestLegs.T0, TestLegs.T0.plusSeconds(1), answeredAt, null, TestLegs.T0, 1000L, false, 0, 0,
                Disposition.CANCELLED, answeredAt == null ? null : 200, null, null, HangupSide.DIALER,
                answeredAt != null, 0, 0, 0, 0);
    }

    private Path firstSegmentWithData() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("j"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".fdj")).sorted().toList()) {
                JournalSegment segment = JournalSegment.open(p);
                segment.close();
                if (segment.sequence > 0) {
                    return p;
                }
            }
        }
        throw new AssertionError("no segment with data");
    }

    private long segmentFiles() {
        try (Stream<Path> files = Files.list(dir.resolve("j"))) {
            return files.filter(f -> f.toString().endsWith(".fdj")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean anyFileHolds(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir.resolve("j"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".fdj")).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(p);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls a condition the journal's thread makes true; the bound only ends a failing test. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
