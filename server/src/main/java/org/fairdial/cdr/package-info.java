/**
 * Call detail records: the {@link org.fairdial.cdr.CdrLeg} written once per finished leg, and the
 * {@link org.fairdial.cdr.CdrSink} call control hands it (and, before the INVITE and at milestones, snapshots of legs
 * under way) to. {@link org.fairdial.cdr.store.DurableCdrSink} is the sink used in production: every leg goes to the
 * local journal ({@code cdr.journal}) and then to {@link org.fairdial.cdr.store.AsyncCdrWriter}, which writes batches
 * through {@link org.fairdial.storage.JdbcCdrRepository} off the signalling threads, retrying through database
 * outages; its {@code canAcceptCalls()} is the dialing gate. Export, reports and the command-line tools are in the
 * sub-packages.
 */
package org.fairdial.cdr;

import org.fairdial.cdr.store.DurableCdrSink;
import org.fairdial.cdr.store.AsyncCdrWriter;
