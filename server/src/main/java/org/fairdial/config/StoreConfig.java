package org.fairdial.config;

import java.time.Duration;

/**
 * Where call records and dialing state live ({@code dialer.store}).
 *
 * @param jdbcUrl        JDBC URL: an H2 file (default, zero setup) or PostgreSQL (production)
 * @param user           database user
 * @param password       database password (may come from an environment variable)
 * @param poolSize       maximum pooled connections
 * @param batchSize      CDR rows written per batch at most
 * @param flushInterval  longest time a queued CDR waits before its batch is written
 * @param retryBackoff   wait before retrying a failed batch write (doubles up to 30 s)
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize, int batchSize,
                          Duration flushInterval, Duration retryBackoff) {
}
