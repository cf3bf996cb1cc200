package org.fairdial.cdr;

/**
 * Where call control hands legs. {@link #write} never blocks the caller and never loses a record silently: the
 * implementation queues it, writes it in batches off the signalling threads, and retries failures.
 */
public interface CdrSink {

    /** Queues one finished leg for storage. */
    void write(CdrLeg leg);

    /**
     * A leg is under way: {@code snapshot} is what is known so far (its disposition and end are placeholders).
     * Called before the leg's INVITE is sent and again at its milestones, on the call's thread; the durable sink
     * journals it, so a leg the dialer was handling when it died still gets its one CDR at the next start. Returns
     * at once: it never waits for a disk flush.
     */
    default void legProgress(CdrLeg snapshot) {
    }
}
