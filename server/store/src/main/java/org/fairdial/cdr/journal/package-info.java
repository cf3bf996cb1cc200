/**
 * The local CDR journal: append-only segment files where every leg is recorded before its INVITE leaves, at its
 * milestones and when it ends, flushed to disk in groups by one background thread, replayed at start-up (legs left
 * open by a crash are closed by {@link org.fairdial.cdr.journal.OpenLegCloser}) and released once the database has
 * committed their legs. docs/cdr.md, "Durability".
 */
package org.fairdial.cdr.journal;
