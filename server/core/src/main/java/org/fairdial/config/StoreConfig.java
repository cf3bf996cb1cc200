package org.fairdial.config;

import java.nio.file.Path;
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
 * @param journal        the local journal that keeps CDRs safe until the database has them
 * @param recordings     where call recordings are written
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize, int batchSize,
                          Duration flushInterval, Duration retryBackoff, JournalConfig journal, Path recordings) {

    /** Store settings with recordings in {@code data/recordings}. */
    public StoreConfig(String jdbcUrl, String user, String password, int poolSize, int batchSize,
                       Duration flushInterval, Duration retryBackoff, JournalConfig journal) {
        this(jdbcUrl, user, password, poolSize, batchSize, flushInterval, retryBackoff, journal,
                Path.of("data", "recordings"));
    }

    /** Store settings with the journal switched off (tests of the database layer alone). */
    public StoreConfig(String jdbcUrl, String user, String password, int poolSize, int batchSize,
                       Duration flushInterval, Duration retryBackoff) {
        this(jdbcUrl, user, password, poolSize, batchSize, flushInterval, retryBackoff, JournalConfig.DISABLED);
    }

    /**
     * The CDR journal ({@code dialer.store.journal}).
     *
     * @param enabled      journal every leg (off only for benchmarks: a crash then loses queued CDRs)
     * @param directory    where its segment files live
     * @param segmentSize  bytes per segment file, preallocated before use
     * @param minFreeSpace dialing stops while the journal's file system has less than this many bytes free
     */
    public record JournalConfig(boolean enabled, Path directory, long segmentSize, long minFreeSpace) {

        /** No journal. */
        public static final JournalConfig DISABLED = new JournalConfig(false, Path.of("data", "journal"),
                16L << 20, 256L << 20);
    }
}
