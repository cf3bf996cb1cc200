/**
 * The ports through which the core (call control, dialing, compliance) reaches the store: small interfaces for the
 * dial history, the lead states, the imported lead rows, the denial log, the do-not-call entries and the CDR
 * history, with the records they carry. The core names only these; the {@code storage} package of the store
 * module implements them on JDBC, so a failing database reaches the core as a {@link org.fairdial.ports.StoreException}
 * and never as a driver type.
 */
package org.fairdial.ports;
