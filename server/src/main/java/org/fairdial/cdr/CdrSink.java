package org.fairdial.cdr;

/**
 * Where call control hands finished legs. {@link #write} never blocks the caller and never loses a record
 * silently: the implementation queues it, writes it in batches off the signalling threads, and retries failures.
 */
public interface CdrSink {

    /** Queues one finished leg for storage. */
    void write(CdrLeg leg);
}
