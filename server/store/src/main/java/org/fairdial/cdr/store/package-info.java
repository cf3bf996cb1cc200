/**
 * The durable CDR path of the store module: {@link org.fairdial.cdr.store.DurableCdrSink} journals every leg
 * locally (fsync'd in groups) before {@link org.fairdial.cdr.store.AsyncCdrWriter} writes it in batches to the
 * database through a {@link org.fairdial.cdr.store.CdrBatchStore}, off the signalling threads and through outages;
 * the writer's back-pressure is what the dialing gate reads.
 */
package org.fairdial.cdr.store;
