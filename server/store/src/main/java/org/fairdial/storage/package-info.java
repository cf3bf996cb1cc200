/**
 * The relational store behind call records and dialing state: {@link org.fairdial.storage.Database} opens a
 * HikariCP pool on the configured JDBC URL (an embedded H2 file by default, PostgreSQL in production) and applies
 * the Flyway migrations in {@code db/migration}, which are written once in SQL both databases accept; the
 * {@code Jdbc*Repository} classes are plain JDBC over that pool, choosing an upsert dialect only where H2's
 * PostgreSQL mode differs. Nothing here knows about SIP or call control, and every failure is a
 * {@link org.fairdial.ports.StoreException} naming what could not be done. With encryption at rest on
 * ({@link org.fairdial.privacy.PersonalData} of the {@code Database}), numbers and lead ids are keyed by their blind
 * index with their envelope beside it ({@code SealedColumns}, migration V30), the other personal columns hold
 * envelopes, and {@link org.fairdial.storage.KeyRotation} brings old or clear rows to the current key.
 */
package org.fairdial.storage;

import org.fairdial.ports.StoreException;
