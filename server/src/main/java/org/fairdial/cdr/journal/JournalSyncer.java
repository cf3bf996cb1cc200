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
 * stamps the heartbeat, checks free space, prepares the next spare segment, retires an idle current segment and
 * wipes segments nothing needs any more. All file I/O of this thread happens outside the journal's lock, so
 * appends never wait for it.
 */
final class JournalSyncer {
    private static final Logger LOG = LoggerFactory.getLogger(JournalSyncer.class);
    static final long MAINTENANCE_MS = 100;
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
        while (true) {
            List<Dirty> dirty = dirty();
            if (dirty == null) {
                return;
            }
            for (Dirty d : dirty) {
                flush(d);
            }
            long now = System.nanoTime();
            if (now - nextMaintenance >= 0) {
                maintain();
                nextMaintenance = now + TimeUnit.MILLISECONDS.toNanos(MAINTENANCE_MS);
            }
            if (dirty.isEmpty()) {
                await(nextMaintenance - System.nanoTime());
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

    private void flush(Dirty d) {
        try {
            d.segment().channel.force(false);
        } catch (IOException e) {
            LOG.error("CDR journal: flushing {} failed: {}", d.segment(), e.toString());
            return;
        }
        journal.lock.lock();
        try {
            d.segment().synced = Math.max(d.segment().synced, d.position());
        } finally {
            journal.lock.unlock();
        }
    }

    private void await(long nanos) {
        journal.lock.lock();
        try {
            if (!journal.closed && nanos > 0 && !hasDirty()) {
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
        ensureSpare();
        retireIdleCurrent();
        recycle();
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
            if (!journal.spares.isEmpty() || journal.closed
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
                s.wipe();
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
                LOG.warn("CDR journal: wiping {} failed ({}); deleting it", s, e.toString());
            }
            if (!kept) {
                s.close();
                try {
                    Files.deleteIfExists(s.file);
                } catch (IOException e) {
                    LOG.warn("CDR journal: cannot delete {}: {}", s.file, e.toString());
                }
            }
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
