package org.fairdial.cdr.store;

import org.fairdial.cdr.CdrSink;
import org.fairdial.cdr.CdrLeg;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.fairdial.config.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link CdrSink}: {@link #write} only appends to an in-memory queue, and one daemon thread
 * ({@code cdr-writer}) inserts batches of up to {@code batchSize} legs, at the latest {@code flushInterval} after
 * the oldest was queued. A failed batch stays at the head of the queue and is retried with a backoff that doubles
 * up to 30 s, so a database outage delays records but never drops them; replaying a batch is safe because the
 * repository's insert is idempotent on the leg id. The queue is unbounded (its depth is exposed for alerting):
 * blocking call control, or dropping records, would both be worse than memory growth during an outage. Each
 * committed batch is reported to an optional listener (the journal, which may then let go of those legs).
 */
public final class AsyncCdrWriter implements CdrSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncCdrWriter.class);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Default bound on {@link #close()}: long enough for a healthy database to take the backlog. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final CdrBatchStore repository;
    private final Consumer<List<CdrLeg>> onCommitted;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final long retryBackoffNanos;
    private final Duration closeTimeout;
    private final AtomicLong failedAttempts = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled to the writer thread: a batch is full, a flush or close is waiting, or it must stop. */
    private final Condition work = lock.newCondition();
    /** Signalled to flush() callers: rows were committed, or the writer stopped. */
    private final Condition progress = lock.newCondition();
    private final Thread thread;

    // Guarded by lock. Rows leave `pending` only once committed, so [0, committed) of all rows ever enqueued
    // are stored and the batch in flight is still counted in the queue depth.
    private final ArrayDeque<CdrLeg> pending = new ArrayDeque<>();
    private long enqueued;
    private long committed;
    private long flushTarget;
    private long oldestQueuedNanos;
    private boolean closing;
    private boolean retryNow;
    private boolean stopRequested;
    private boolean stopped;
    private long rejected;

    public AsyncCdrWriter(CdrBatchStore repository, StoreConfig config) {
        this(repository, config, legs -> { });
    }

    /** @param onCommitted told, on the writer thread, of every batch once it is committed */
    public AsyncCdrWriter(CdrBatchStore repository, StoreConfig config, Consumer<List<CdrLeg>> onCommitted) {
        this(repository, config.batchSize(), config.flushInterval(), config.retryBackoff(), DEFAULT_CLOSE_TIMEOUT,
                onCommitted);
    }

    /** @param closeTimeout how long {@link #close()} waits for the queue to drain */
    public AsyncCdrWriter(CdrBatchStore repository, int batchSize, Duration flushInterval,
                          Duration retryBackoff, Duration closeTimeout) {
        this(repository, batchSize, flushInterval, retryBackoff, closeTimeout, legs -> { });
    }

    /**
     * @param closeTimeout how long {@link #close()} waits for the queue to drain
     * @param onCommitted  told, on the writer thread, of every batch once it is committed
     */
    public AsyncCdrWriter(CdrBatchStore repository, int batchSize, Duration flushInterval,
                          Duration retryBackoff, Duration closeTimeout, Consumer<List<CdrLeg>> onCommitted) {
        if (batchSize < 1 || flushInterval.isNegative() || retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("batchSize must be >= 1 and retryBackoff > 0, got " + batchSize
                    + " and " + retryBackoff + " (flushInterval " + flushInterval + ")");
        }
        this.repository = Objects.requireNonNull(repository, "repository");
        this.batchSize = batchSize;
        this.flushIntervalNanos = flushInterval.toNanos();
        this.retryBackoffNanos = Math.min(retryBackoff.toNanos(), MAX_BACKOFF_NANOS);
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.onCommitted = Objects.requireNonNull(onCommitted, "onCommitted");
        this.thread = new Thread(this::run, "cdr-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(CdrLeg leg) {
        Objects.requireNonNull(leg, "leg");
        lock.lock();
        try {
            if (stopped) {
                rejected++;
                LOG.error("CDR leg {} of call {} arrived after the CDR writer was closed; it is not stored "
                        + "({} rejected so far)", leg.legId(), leg.callId(), rejected);
                return;
            }
            boolean wasEmpty = pending.isEmpty();
            if (wasEmpty) {
                oldestQueuedNanos = System.nanoTime();
            }
            pending.add(leg);
            enqueued++;
            // The writer sleeps without a deadline on an empty queue: wake it to start the flush-interval clock,
            // and again when a batch is full.
            if (wasEmpty || pending.size() == batchSize) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every leg queued before this call is committed.
     *
     * @return true if they are, false if the timeout elapsed first (the store is down or slow) or the writer stopped
     */
    public boolean flush(Duration timeout) {
        lock.lock();
        try {
            long target = enqueued;
            if (committed >= target) {
                return true;
            }
            flushTarget = Math.max(flushTarget, target);
            work.signal();
            long nanos = timeout.toNanos();
            while (committed < target) {
                if (nanos <= 0 || stopped) {
                    return false;
                }
                nanos = progress.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Legs queued and not yet committed, including the batch being written. */
    public int queueDepth() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Legs committed to the store since start (a replayed leg that was already stored counts as committed). */
    public long written() {
        lock.lock();
        try {
            return committed;
        } finally {
            lock.unlock();
        }
    }

    /** Batch inserts that failed and were (or will be) retried. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /**
     * Writes what is queued, waiting at most the close timeout, then stops the writer thread. Legs still queued
     * after that (the store is down) are reported in one ERROR line; later {@link #write} calls are refused.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            retryNow = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        flush(closeTimeout);
        lock.lock();
        try {
            stopRequested = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left;
        lock.lock();
        try {
            stopped = true;
            left = pending.size();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
        if (left > 0) {
            LOG.error("CDR writer closed with {} legs not confirmed written after {} ms; the store did not accept "
                    + "them ({} failed attempts)", left, closeTimeout.toMillis(), failedAttempts.get());
        }
    }

    private void run() {
        long backoff = retryBackoffNanos;
        long consecutiveFailures = 0;
        List<CdrLeg> batch;
        while ((batch = nextBatch()) != null) {
            try {
                repository.insertBatch(batch);
                onCommitted.accept(batch);
                committed(batch.size());
                if (consecutiveFailures > 0) {
                    LOG.info("CDR store accepts writes again after {} failed attempts", consecutiveFailures);
                }
                consecutiveFailures = 0;
                backoff = retryBackoffNanos;
            } catch (RuntimeException e) {
                failedAttempts.incrementAndGet();
                consecutiveFailures++;
                String message = "Writing {} CDR legs failed (attempt {}, {} queued), retrying in {} ms: {}";
                Object[] args = {batch.size(), consecutiveFailures, queueDepth(),
                        TimeUnit.NANOSECONDS.toMillis(backoff), e.toString()};
                if (consecutiveFailures == 1) {
                    LOG.warn(message, append(args, e));
                } else {
                    LOG.warn(message, args);
                }
                if (!pause(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
            }
        }
    }

    /** The next batch to insert, once one is due; null when the writer must stop. */
    private List<CdrLeg> nextBatch() {
        lock.lock();
        try {
            while (!stopRequested) {
                if (pending.isEmpty()) {
                    if (closing) {
                        return null;
                    }
                    work.await();
                    continue;
                }
                long waited = System.nanoTime() - oldestQueuedNanos;
                if (pending.size() >= batchSize || closing || flushTarget > committed
                        || waited >= flushIntervalNanos) {
                    List<CdrLeg> batch = new ArrayList<>(Math.min(pending.size(), batchSize));
                    Iterator<CdrLeg> it = pending.iterator();
                    while (batch.size() < batchSize && it.hasNext()) {
                        batch.add(it.next());
                    }
                    return batch;
                }
                work.awaitNanos(flushIntervalNanos - waited);
            }
            return null;
        } catch (InterruptedException e) {
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void committed(int rows) {
        lock.lock();
        try {
            for (int i = 0; i < rows; i++) {
                pending.poll();
            }
            committed += rows;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits before a retry; close() cuts one wait short so a recovered store gets the backlog at once. */
    private boolean pause(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (left > 0 && !stopRequested && !retryNow) {
                left = work.awaitNanos(left);
            }
            retryNow = false;
            return !stopRequested;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
