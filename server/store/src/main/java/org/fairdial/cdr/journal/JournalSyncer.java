package org.fairdial.cdr.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's one background thread ({@code cdr-journal}): flushes what the appending threads wrote (group
 * commit: one {@code fsync} per round, however many records it covers), and every {@value #MAINTENANCE_MS} ms
 * stamps the heartbeat, checks free space, releases segments nothing needs any more, prepares the next spare,
 * retires an idle current segment and, when appends pause, zeros spares that still hold old records. All file I/O of this thread happens outside the journal's lock, so
 * appends never wait for it.
 */
final class JournalSyncer {
    private static final Logger LOG = LoggerFactory.getLogger(JournalSyncer.class);
    static final long MAINTENANCE_MS = 100;
    /**
     * Least time between two flushes. Without it the thread would fsync back to back under load, hundreds of times
     * a second, competing with the database's own log flushes on the same disk; with it one flush covers every
     * record of the last few milliseconds. It is also the most a power failure can take of what the database did
     * not have yet (plus the flush itself).
     */
    static final long SYNC_INTERVAL_MS = 5;
    /** Appends must have paused this long before a spare is zeroed (I/O kept for quiet moments). */
    static final long IDLE_WIPE_MS = 1_000;
    /** After a failed allocation, the next attempt waits this long (a full disk is not retried in a loop). */
    private static final long ALLOCATION_RETRY_MS = 1_000;

    private final CdrJournal journal;
    private final Thread thread;
    private long nextAllocationAttempt;

    JournalSyncer(CdrJournal journal) {
        this.journal = journal;
        this.thread = new Thread(this::run, "cdr-journal");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        if (thread.isAlive()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Dirty(JournalSegment segment, long position) {
    }

    private void run() {
        long nextMaintenance = 0;
        long lastFlush = System.nanoTime();
        while (true) {
            List<Dirty> dirty = dirty();
            if (dirty == null) {
                return;
            }
            if (!dirty.isEmpty()) {
                long wait = lastFlush + TimeUnit.MILLISECONDS.toNanos(SYNC_INTERVAL_MS) - System.nanoTime();
                if (wait > 0) {
                    pause(wait);
                    continue;
                }
                lastFlush = System.nanoTime();
            }
            boolean flushed = true;
            for (Dirty d : dirty) {
                flushed &= flush(d);
            }
            if (!flushed && closing()) {
                return; // the disk refuses; close() reports what stays unflushed
            }
            long now = System.nanoTime();
            if (now - nextMaintenance >= 0) {
                maintain();
                nextMaintenance = now + TimeUnit.MILLISECONDS.toNanos(MAINTENANCE_MS);
            }
            if (dirty.isEmpty() || !flushed) {
                // a failed flush is retried at the next maintenance, not in a tight loop
                await(nextMaintenance - System.nanoTime(), !flushed);
            }
        }
    }

    /** Segments with unflushed bytes and how far to flush; null once closed and nothing is left to flush. */
    private List<Dirty> dirty() {
        journal.lock.lock();
        try {
            List<Dirty> dirty = new ArrayList<>(2);
            for (JournalSegment s : journal.retired) {
                if (s.position > s.synced) {
                    dirty.add(new Dirty(s, s.position));
                }
            }
            JournalSegment current = journal.current;
            if (current != null && current.position > current.synced) {
                dirty.add(new Dirty(current, current.position));
            }
            return journal.closed && dirty.isEmpty() ? null : dirty;
        } finally {
            journal.lock.unlock();
        }
    }

    private boolean flush(Dirty d) {
        try {
            d.segment().channel.force(false);
        } catch (IOException e) {
            LOG.error("CDR journal: flushing {} failed: {}", d.segment(), e.toString());
            return false;
        }
        journal.lock.lock();
        try {
            d.segment().synced = Math.max(d.segment().synced, d.position());
        } finally {
            journal.lock.unlock();
        }
        return true;
    }

    /** Sleeps {@code nanos} whatever is signalled, unless the journal closes. */
    private void pause(long nanos) {
        journal.lock.lock();
        try {
            long left = nanos;
            while (left > 0 && !journal.closed) {
                left = journal.work.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            journal.lock.unlock();
        }
    }

    private boolean closing() {
        journal.lock.lock();
        try {
            return journal.closed;
        } finally {
            journal.lock.unlock();
        }
    }

    private void await(long nanos, boolean evenIfDirty) {
        journal.lock.lock();
        try {
            if (!journal.closed && nanos > 0 && (evenIfDirty || !hasDirty())) {
                journal.work.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            journal.lock.unlock();
        }
    }

    private boolean hasDirty() {
        JournalSegment current = journal.current;
        if (current != null && current.position > current.synced) {
            return true;
        }
        for (JournalSegment s : journal.retired) {
            if (s.position > s.synced) {
                return true;
            }
        }
        return false;
    }

    private void maintain() {
        journal.beat();
        checkSpace();
        recycle();
        ensureSpare();
        retireIdleCurrent();
        wipeSpareWhenIdle();
    }

    /** Once appends have paused for {@value #IDLE_WIPE_MS} ms, zeros one spare that still holds old records. */
    private void wipeSpareWhenIdle() {
        if (System.nanoTime() - journal.lastAppendNanos < TimeUnit.MILLISECONDS.toNanos(IDLE_WIPE_MS)) {
            return;
        }
        JournalSegment stale = null;
        journal.lock.lock();
        try {
            for (JournalSegment s : journal.spares) {
                if (s.staleUpTo > JournalSegment.HEADER) {
                    stale = s;
                    break;
                }
            }
            if (stale == null || journal.closed) {
                return;
            }
            journal.spares.remove(stale);
            journal.wiping++;
        } finally {
            journal.lock.unlock();
        }
        boolean wiped = false;
        try {
            stale.wipe();
            wiped = true;
        } catch (IOException e) {
            LOG.warn("CDR journal: wiping {} failed ({}); deleting it", stale.file, e.toString());
        }
        journal.lock.lock();
        try {
            journal.wiping--;
            if (wiped && !journal.closed) {
                journal.spares.add(stale);
                stale = null;
            }
        } finally {
            journal.lock.unlock();
        }
        if (stale != null) {
            delete(stale);
        }
    }

    private void checkSpace() {
        long free;
        try {
            free = journal.usableSpace.getAsLong();
        } catch (RuntimeException e) {
            free = -1;
        }
        String shortage = free < 0 ? "free space of the journal's file system cannot be read"
                : free < journal.minFreeSpace ? "only " + mib(free) + " MiB free on the journal's file system, "
                + "below min-free-space " + mib(journal.minFreeSpace) + " MiB" : null;
        journal.lock.lock();
        try {
            journal.spaceShortage = shortage;
            journal.updateAlarm();
        } finally {
            journal.lock.unlock();
        }
    }

    private void ensureSpare() {
        Path file;
        journal.lock.lock();
        try {
            if (!journal.spares.isEmpty() || journal.wiping > 0 || journal.closed
                    || System.nanoTime() - nextAllocationAttempt < 0) {
                return;
            }
            file = journal.nextFile();
        } finally {
            journal.lock.unlock();
        }
        JournalSegment spare = null;
        String failure = null;
        try {
            spare = journal.allocator.allocate(file, journal.segmentSize);
        } catch (IOException e) {
            failure = "cannot prepare the next journal segment (" + e.getMessage() + ")";
            nextAllocationAttempt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ALLOCATION_RETRY_MS);
        }
        journal.lock.lock();
        try {
            if (spare != null) {
                journal.spares.add(spare);
            }
            journal.spareFailure = failure;
            journal.updateAlarm();
        } finally {
            journal.lock.unlock();
        }
    }

    /** An idle current segment (nothing open or uncommitted in it) is retired, so it can be wiped. */
    private void retireIdleCurrent() {
        journal.lock.lock();
        try {
            JournalSegment current = journal.current;
            if (current != null && current.openRefs == 0 && current.pendingEnds == 0
                    && current.position > JournalSegment.HEADER && !journal.spares.isEmpty()) {
                journal.retired.add(current);
                journal.current = null;
            }
        } finally {
            journal.lock.unlock();
        }
    }

    private void recycle() {
        List<JournalSegment> free = new ArrayList<>();
        journal.lock.lock();
        try {
            for (JournalSegment s : journal.retired) {
                if (s.openRefs == 0 && s.pendingEnds == 0 && s.position <= s.synced) {
                    free.add(s);
                }
            }
            journal.retired.removeAll(free);
        } finally {
            journal.lock.unlock();
        }
        if (free.isEmpty()) {
            return;
        }
        try {
            journal.durabilityBarrier.run();
        } catch (RuntimeException e) {
            LOG.debug("database not durable yet ({}); {} journal segment(s) kept", e.toString(), free.size());
            journal.lock.lock();
            try {
                journal.retired.addAll(free);
            } finally {
                journal.lock.unlock();
            }
            return;
        }
        for (JournalSegment s : free) {
            boolean kept = false;
            try {
                s.reuse();
                journal.lock.lock();
                try {
                    if (journal.spares.size() < CdrJournal.MAX_SPARES && !journal.closed) {
                        journal.spares.add(s);
                        kept = true;
                    }
                } finally {
                    journal.lock.unlock();
                }
            } catch (IOException e) {
                LOG.warn("CDR journal: releasing {} failed ({}); deleting it", s, e.toString());
            }
            if (!kept) {
                delete(s);
            }
        }
    }

    private static void delete(JournalSegment s) {
        s.close();
        try {
            Files.deleteIfExists(s.file);
        } catch (IOException e) {
            LOG.warn("CDR journal: cannot delete {}: {}", s.file, e.toString());
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
