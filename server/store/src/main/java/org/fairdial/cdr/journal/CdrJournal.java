package org.fairdial.cdr.journal;

import org.fairdial.call.ConfirmedDialog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local, append-only CDR journal: the reason a completed leg's CDR survives a database outage, a
 * {@code kill -9} and a full disk.
 *
 * <p><b>Appends</b> ({@link #open(CdrLeg)} before a leg's INVITE and at its milestones, {@link #ended(CdrLeg)} when
 * it ends) are a {@code pwrite} into the current, preallocated segment under a short lock, on the caller's thread:
 * once the call returns the record is in the kernel's page cache and survives the process being killed. No caller
 * ever waits for a disk flush: the {@code cdr-journal} thread {@code fsync}s whatever was written since its last
 * flush, one flush for many records (group commit), so a power failure loses at most the records of one flush
 * interval (a few milliseconds) that the database did not already have.
 *
 * <p><b>Trimming.</b> Each segment counts the open legs with a snapshot in it and the ended legs in it the
 * database has not committed yet ({@link #committed}). A segment whose counts are both zero, and which is no longer
 * the one being appended to, is released: its header is zeroed and it becomes a spare, reused as it is (records of
 * a new use are told from those of an old one by a per-segment tag, so reuse costs no rewrite of the file). Spares
 * are zeroed completely as soon as appends pause for a second, so phone numbers stay in the journal only until the
 * database has them and the dialer catches its breath; under continuous load a reused segment is overwritten as it
 * fills. Before releasing, {@code durabilityBarrier} makes the database's own commits durable (H2 writes its store
 * lazily; PostgreSQL needs nothing).
 *
 * <p><b>Full disk.</b> Segments are written full of zeros before use, so an append never needs a new disk block.
 * The next segment is prepared ahead; when it cannot be, or the file system has less than
 * {@code min-free-space} left, {@link #canAcceptCalls()} turns false with an ERROR naming the cause. The dialer
 * stops placing calls while the current segment still has room for the calls in progress to end.
 *
 * <p><b>Start-up.</b> {@link #open(JournalConfig, Runnable, InstantSource)} reads every segment: each leg ended in
 * the journal is handed back to be (re)inserted, idempotently; each leg that was open when the dialer died is
 * closed by {@link OpenLegCloser} at the last moment the dialer is known to have been alive, and that closing CDR
 * is journaled like any other. The {@link ConfirmedDialog}s of those legs are handed back too, for the SIP side to
 * end with a BYE before dialing starts: a carrier or an agent's phone must not keep a call the dialer forgot.
 */
public final class CdrJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdrJournal.class);
    /** Wiped segments kept for reuse; more are deleted. */
    static final int MAX_SPARES = 2;

    /** Creates a zero-filled segment file; replaced in tests to simulate a full disk. */
    @FunctionalInterface
    interface Allocator {
        JournalSegment allocate(Path file, long size) throws IOException;
    }

    /**
     * What start-up found.
     *
     * @param ended       legs ended in the journal, perhaps not yet in the database: to be inserted again
     * @param closed      legs open when the dialer died, now closed ("dialer restart") and journaled as ended
     * @param dialogs     the confirmed dialogs of those legs, to be ended with a BYE
     * @param segments    segment files holding records
     * @param tornRecords records skipped because their checksum failed (a power failure mid-write)
     */
    public record Recovery(List<CdrLeg> ended, List<CdrLeg> closed, List<ConfirmedDialog> dialogs, int segments,
                           int tornRecords) {
    }

    /** The journal and what start-up recovered from it. */
    public record Opened(CdrJournal journal, Recovery recovery) {
    }

    /** Figures for monitoring. */
    public record Stats(int segments, int spares, int openLegs, int uncommittedLegs, String alarm) {
    }

    final Path directory;
    final long segmentSize;
    final long minFreeSpace;
    final Runnable durabilityBarrier;
    final InstantSource clock;
    final LongSupplier usableSpace;
    final Allocator allocator;
    final ReentrantLock lock = new ReentrantLock();
    /** Signalled to the sync thread: records were written, a segment may be free, or the journal closes. */
    final Condition work = lock.newCondition();
    private final JournalDirectory owned;
    private final JournalSyncer syncer;
    /** Seals the callee's fields of every record when encryption at rest is on (JournalCodec). */
    private final PersonalData personal;

    // Guarded by lock.
    JournalSegment current;
    final ArrayDeque<JournalSegment> spares = new ArrayDeque<>();
    final List<JournalSegment> retired = new ArrayList<>();
    private final Map<UUID, List<JournalSegment>> openLegs = new HashMap<>();
    private final Map<UUID, JournalSegment> uncommitted = new HashMap<>();
    private long nextSequence;
    private int nextFileIndex;
    boolean closed;
    private String writeFailure;
    String spareFailure;
    String spaceShortage;
    private String reportedAlarm;

    private volatile String alarm;
    /** When the last record was appended (System.nanoTime); spares are wiped only once appends pause. */
    volatile long lastAppendNanos = System.nanoTime();
    /** Guarded by lock: spares taken out to be wiped. */
    int wiping;

    private CdrJournal(JournalConfig config, Runnable durabilityBarrier, InstantSource clock,
                       LongSupplier usableSpace, Allocator allocator, JournalDirectory owned, PersonalData personal) {
        this.personal = personal;
        this.directory = owned.path;
        this.segmentSize = config.segmentSize();
        this.minFreeSpace = config.minFreeSpace();
        this.durabilityBarrier = durabilityBarrier;
        this.clock = clock;
        this.usableSpace = usableSpace;
        this.allocator = allocator;
        this.owned = owned;
        this.syncer = new JournalSyncer(this);
    }

    /**
     * Opens (creating if needed) the journal directory, recovers what it holds and starts the sync thread.
     *
     * @param durabilityBarrier makes the database's committed transactions durable before a segment is wiped;
     *                          may throw while the database is down (the segment is then kept and retried)
     */
    public static Opened open(JournalConfig config, Runnable durabilityBarrier, InstantSource clock)
            throws IOException {
        Path dir = config.directory().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        return open(config, durabilityBarrier, clock, () -> usable(dir), JournalSegment::allocate);
    }

    /** As {@link #open(JournalConfig, Runnable, InstantSource)}, its records' callee fields sealed by {@code p}. */
    public static Opened open(JournalConfig config, Runnable durabilityBarrier, InstantSource clock, PersonalData p)
            throws IOException {
        Path dir = config.directory().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        return open(config, durabilityBarrier, clock, () -> usable(dir), JournalSegment::allocate, p);
    }

    static Opened open(JournalConfig config, Runnable durabilityBarrier, InstantSource clock,
                       LongSupplier usableSpace, Allocator allocator) throws IOException {
        return open(config, durabilityBarrier, clock, usableSpace, allocator, PersonalData.PLAINTEXT);
    }

    static Opened open(JournalConfig config, Runnable durabilityBarrier, InstantSource clock,
                       LongSupplier usableSpace, Allocator allocator, PersonalData personal) throws IOException {
        JournalDirectory owned = JournalDirectory.take(config.directory());
        CdrJournal journal = null;
        try {
            journal = new CdrJournal(config, durabilityBarrier, clock, usableSpace, allocator, owned, personal);
            Recovery recovery = journal.recover();
            journal.syncer.start();
            return new Opened(journal, recovery);
        } catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            } else {
                owned.close();
            }
            throw e;
        }
    }

    /** True when a dialer process has the journal at {@code directory} open. */
    public static boolean inUse(Path directory) throws IOException {
        return JournalDirectory.inUse(directory);
    }

    private Recovery recover() throws IOException {
        JournalReader.Contents found = JournalReader.read(directory, segmentSize, personal);
        Map<UUID, CdrLeg> latestOpen = new LinkedHashMap<>();
        Map<UUID, ConfirmedDialog> dialogs = new LinkedHashMap<>();
        Map<UUID, List<JournalSegment>> openSegments = new HashMap<>();
        Map<UUID, CdrLeg> ended = new LinkedHashMap<>();
        Map<UUID, JournalSegment> endedIn = new HashMap<>();
        for (JournalReader.SegmentRecords segment : found.segments()) {
            for (JournalCodec.Entry entry : segment.entries()) {
                UUID id = entry.legId();
                if (entry.type() == JournalRecordType.END) {
                    ended.put(id, entry.leg());
                    endedIn.put(id, segment.segment());
                    latestOpen.remove(id);
                    dialogs.remove(id);
                    openSegments.remove(id);
                } else if (!ended.containsKey(id)) {
                    if (entry.dialog() != null) {
                        dialogs.put(id, entry.dialog());
                    } else {
                        latestOpen.put(id, entry.leg());
                    }
                    List<JournalSegment> refs = openSegments.computeIfAbsent(id, k -> new ArrayList<>(2));
                    if (!refs.contains(segment.segment())) {
                        refs.add(segment.segment());
                    }
                }
            }
        }
        Instant lastAlive = Instant.ofEpochMilli(Math.max(found.lastWrittenMillis(), owned.lastBeat()));
        List<CdrLeg> closedLegs = new ArrayList<>();
        lock.lock();
        try {
            nextSequence = found.highestSequence() + 1;
            nextFileIndex = found.highestFileIndex() + 1;
            spares.addAll(found.spares());
            found.segments().forEach(s -> retired.add(s.segment()));
            endedIn.forEach((id, segment) -> {
                uncommitted.put(id, segment);
                segment.pendingEnds++;
            });
            openSegments.forEach((id, refs) -> {
                openLegs.put(id, refs);
                refs.forEach(segment -> segment.openRefs++);
            });
        } finally {
            lock.unlock();
        }
        for (CdrLeg snapshot : latestOpen.values()) {
            CdrLeg closedLeg = OpenLegCloser.close(snapshot, lastAlive);
            if (!ended(closedLeg)) {
                throw new IOException("cannot journal the legs closed at start-up: " + alarm);
            }
            closedLegs.add(closedLeg);
        }
        Recovery recovery = new Recovery(List.copyOf(ended.values()), List.copyOf(closedLegs),
                List.copyOf(dialogs.values()), found.segments().size(), found.tornRecords());
        if (!found.segments().isEmpty()) {
            LOG.info("CDR journal {}: {} segment(s) read, {} ended leg(s) to store, {} open leg(s) closed as "
                            + "\"{}\" at {}, {} confirmed dialog(s) to end{}", directory, recovery.segments(),
                    ended.size(), closedLegs.size(), OpenLegCloser.REASON, lastAlive, dialogs.size(),
                    found.tornRecords() > 0
                            ? ", " + found.tornRecords() + " torn record(s) skipped" : "");
        }
        return recovery;
    }

    /** Journals a snapshot of a leg under way; false (and an alarm) if it could not be written. */
    public boolean open(CdrLeg snapshot) {
        return append(JournalRecordType.OPEN, snapshot.legId(),
                JournalCodec.encode(JournalRecordType.OPEN, clock.millis(), snapshot, personal));
    }

    /** Journals a leg's final CDR (which retires its dialog); false (and an alarm) if it could not be written. */
    public boolean ended(CdrLeg leg) {
        return append(JournalRecordType.END, leg.legId(), JournalCodec.encode(JournalRecordType.END, clock.millis(),
                leg, personal));
    }

    /**
     * Journals a leg's confirmed dialog, kept until the leg ends; false (and an alarm) if it could not be written.
     * Called on the call's thread once the 2xx is ACKed; returns at once.
     */
    public boolean dialogConfirmed(ConfirmedDialog dialog) {
        return append(JournalRecordType.DIALOG, dialog.legId(), JournalCodec.encode(clock.millis(), dialog, personal));
    }

    /** The database committed these legs: their records are no longer needed. */
    public void committed(List<CdrLeg> legs) {
        lock.lock();
        try {
            boolean freed = false;
            for (CdrLeg leg : legs) {
                JournalSegment segment = uncommitted.remove(leg.legId());
                if (segment != null && --segment.pendingEnds == 0 && segment.openRefs == 0) {
                    freed = true;
                }
            }
            if (freed) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** False while records could be lost: the disk is (nearly) full or the journal cannot be written. */
    public boolean canAcceptCalls() {
        return alarm == null;
    }

    /** Why {@link #canAcceptCalls()} is false, or null. */
    public String alarm() {
        return alarm;
    }

    public Path directory() {
        return directory;
    }

    public Stats stats() {
        lock.lock();
        try {
            int segments = retired.size() + (current == null ? 0 : 1);
            return new Stats(segments, spares.size(), openLegs.size(), uncommitted.size(), alarm);
        } finally {
            lock.unlock();
        }
    }

    private boolean append(JournalRecordType type, UUID legId, byte[] record) {
        lock.lock();
        try {
            if (closed) {
                LOG.error("CDR journal closed: {} record of leg {} not journaled", type, legId);
                return false;
            }
            JournalSegment segment = current;
            if (segment == null || segment.position + record.length > segment.size) {
                segment = rotate();
                if (segment == null) {
                    return false;
                }
                if (segment.position + record.length > segment.size) {
                    LOG.error("CDR journal: a {} byte record of leg {} does not fit a segment; not journaled",
                            record.length, legId);
                    return false;
                }
            }
            JournalCodec.tag(record, segment.sequence);
            segment.writeFully(ByteBuffer.wrap(record), segment.position);
            lastAppendNanos = System.nanoTime();
            segment.position += record.length;
            segment.records++;
            account(type, legId, segment);
            if (writeFailure != null) {
                writeFailure = null;
                updateAlarm();
            }
            work.signal();
            return true;
        } catch (IOException e) {
            writeFailure = "cannot write to " + current + ": " + e.getMessage();
            updateAlarm();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Under lock: retires the current segment and activates a spare (or, failing that, a new file). */
    private JournalSegment rotate() throws IOException {
        if (current != null) {
            retired.add(current);
            current = null;
        }
        JournalSegment next = spares.poll();
        if (next == null) {
            try {
                next = allocator.allocate(nextFile(), segmentSize);
                spareFailure = null;
            } catch (IOException e) {
                spareFailure = "cannot prepare a journal segment: " + e.getMessage();
                updateAlarm();
                return null;
            }
        }
        next.activate(nextSequence++, clock.millis());
        current = next;
        work.signal();
        return next;
    }

    private void account(JournalRecordType type, UUID legId, JournalSegment segment) {
        if (type != JournalRecordType.END) {
            List<JournalSegment> refs = openLegs.computeIfAbsent(legId, k -> new ArrayList<>(2));
            if (!refs.contains(segment)) {
                refs.add(segment);
                segment.openRefs++;
            }
            return;
        }
        List<JournalSegment> refs = openLegs.remove(legId);
        if (refs != null) {
            refs.forEach(s -> s.openRefs--);
        }
        if (uncommitted.putIfAbsent(legId, segment) == null) {
            segment.pendingEnds++;
        }
    }

    /** Under lock: the path of a new segment file. */
    Path nextFile() {
        return directory.resolve("journal-" + nextFileIndex++ + ".fdj");
    }

    /** Under lock: recomputes the alarm and logs a change, once. */
    void updateAlarm() {
        String now = writeFailure != null ? writeFailure : spareFailure != null ? spareFailure : spaceShortage;
        alarm = now;
        if (now == null && reportedAlarm != null) {
            LOG.info("CDR journal {}: cleared ({}); dialing resumes", directory, reportedAlarm);
        } else if (now != null && !now.equals(reportedAlarm)) {
            LOG.error("CDR journal {}: {}. Dialing is stopped so that no call record can be lost; calls in "
                    + "progress go on and are recorded. It resumes by itself once this is fixed.", directory, now);
        }
        reportedAlarm = now;
    }

    /** Stamps the heartbeat file: the latest time the dialer is known to have been alive. */
    void beat() {
        owned.beat(clock.millis());
    }

    static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the sync thread after a last flush; segments still needed stay on disk for the next start. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        syncer.stop();
        lock.lock();
        try {
            List<JournalSegment> all = new ArrayList<>(retired);
            all.addAll(spares);
            if (current != null) {
                all.add(current);
            }
            for (JournalSegment segment : all) {
                try {
                    segment.channel.force(false);
                } catch (IOException e) {
                    LOG.error("CDR journal: last flush of {} failed: {}", segment, e.toString());
                }
                segment.close();
            }
            if (!uncommitted.isEmpty() || !openLegs.isEmpty()) {
                LOG.info("CDR journal {} closed holding {} leg(s) not yet in the database and {} open leg(s); "
                        + "they are stored at the next start", directory, uncommitted.size(), openLegs.size());
            }
        } finally {
            lock.unlock();
        }
        try {
            owned.close();
        } catch (IOException e) {
            LOG.debug("journal lock release: {}", e.toString());
        }
    }
}
