/**
 * Call detail records: the {@link org.fairdial.cdr.CdrLeg} written once per finished leg, and the
 * {@link org.fairdial.cdr.CdrSink} call control hands it to. {@link org.fairdial.cdr.AsyncCdrWriter} is the sink
 * used in production: it queues legs without blocking the signalling threads and writes them in batches through
 * {@link org.fairdial.storage.JdbcCdrRepository}, retrying through database outages rather than dropping rows.
 */
package org.fairdial.cdr;
