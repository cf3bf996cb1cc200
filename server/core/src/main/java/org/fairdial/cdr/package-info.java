/**
 * Call detail records: the {@link org.fairdial.cdr.CdrLeg} written once per finished leg, and the
 * {@link org.fairdial.cdr.CdrSink} call control hands it (and, before the INVITE and at milestones, snapshots of legs
 * under way) to. {@code cdr.store.DurableCdrSink} is the sink used in production: every leg goes to the
 * local journal ({@code cdr.journal}) and then to {@code cdr.store.AsyncCdrWriter}, which writes batches
 * through {@code storage.JdbcCdrRepository} (the store module) off the signalling threads, retrying through database
 * outages; its {@code canAcceptCalls()} is the dialing gate. Export, reports and the command-line tools are in the
 * sub-packages.
 */
package org.fairdial.cdr;

