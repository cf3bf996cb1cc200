package org.fairdial.dialing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.ports.StoreException;

/**
 * Lead outcomes the store could not take yet, written again in order once it answers. Confined to the dialer
 * thread.
 *
 * <p>Bounded without dropping: once {@link #full()} the campaign places no new call, so what can still arrive is
 * the outcomes of calls already up (at most the trunk's channels). Nothing here survives a crash, and nothing
 * needs to: the customer leg each entry was made from is in the CDR journal until the CDR store commits it, and a
 * leg that is there at start-up (the store was down when it ended) has its outcome applied again from the
 * journal's replay ({@link CampaignRunner#load(java.util.List, java.util.List)}). Applying an outcome twice stores
 * the same state, so the replay is safe whether or not the write had made it before the crash.
 */
final class PendingOutcomes {
    /** One customer leg's outcome for its lead; {@code at} is when the leg ended, as the outcome rules see it. */
    record Entry(Lead lead, CdrLeg leg, Instant at) {
    }

    private final int capacity;
    private final Deque<Entry> queue = new ArrayDeque<>();
    /** The queue's size for other threads (metrics); written only by the dialer thread. */
    private volatile int size;

    PendingOutcomes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    void add(Entry entry) {
        queue.add(entry);
        size = queue.size();
    }

    /**
     * Writes the queued outcomes oldest first through {@code write}; stops at the first store failure, leaving
     * that entry and the rest queued.
     *
     * @return null when the queue is empty, or the failure that stopped it
     */
    StoreException drain(Consumer<Entry> write) {
        while (!queue.isEmpty()) {
            try {
                write.accept(queue.peek());
            } catch (StoreException e) {
                return e;
            }
            queue.poll();
            size = queue.size();
        }
        return null;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Safe from any thread. */
    int size() {
        return size;
    }

    /** As many outcomes wait as the campaign may hold: it dials no more until some are written. */
    boolean full() {
        return queue.size() >= capacity;
    }

    boolean holds(Lead lead) {
        return queue.stream().anyMatch(e -> e.lead().equals(lead));
    }
}
