package org.fairdial.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.store.AsyncCdrWriter;
import org.fairdial.cdr.store.DurableCdrSink;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.privacy.erasure.ErasureGuard;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;
import org.fairdial.privacy.erasure.PrivacyEraser;
import org.fairdial.privacy.erasure.RetentionJob;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.storage.KeyRotation;
import org.fairdial.storage.RecordingStore;
import org.fairdial.ports.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's store side: the database, the durable CDR sink (its journal replayed at start), the number
 * hasher of privacy erasures, and the retention job.
 */
final class StoreStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreStack.class);
    private static final Duration RECOVERY_FLUSH = Duration.ofSeconds(30);

    final Database database;
    final JdbcCdrRepository cdrs;
    final DurableCdrSink sink;
    final NumberHasher hasher;
    final JdbcDialHistoryRepository history;
    /** The erasure audit: lead imports refuse the numbers it names. */
    final JdbcPrivacyRepository privacy;
    /** Call recordings: files and their rows. */
    final RecordingStore recordings;

    private StoreStack(Database database, JdbcCdrRepository cdrs, DurableCdrSink sink, NumberHasher hasher,
                       JdbcPrivacyRepository privacy, NumberMask mask, Path recordingsDirectory) {
        this.database = database;
        this.cdrs = cdrs;
        this.sink = sink;
        this.hasher = hasher;
        this.privacy = privacy;
        this.history = new JdbcDialHistoryRepository(database, mask);
        this.recordings = new RecordingStore(database.dataSource(), database.personalData(), recordingsDirectory);
    }

    static StoreStack open(DialerConfig config, NumberMask mask, InstantSource clock,
                           ScheduledExecutorService housekeeping) throws IOException {
        Database database = Database.open(config.store(),
                PersonalData.from(config.privacy().encryption(), System::getenv));
        try {
            refuseNumbersInClear(database);
            JdbcCdrRepository cdrs = new JdbcCdrRepository(database);
            JdbcPrivacyRepository privacy = new JdbcPrivacyRepository(database);
            NumberHasher hasher = PrivacyEraser.hasher(config.privacy(), privacy, clock.instant());
            DurableCdrSink sink = DurableCdrSink.open(new ErasureGuard(cdrs, privacy, hasher, clock), config.store(),
                    database::durabilityBarrier, clock, AsyncCdrWriter.DEFAULT_CLOSE_TIMEOUT, database.personalData());
            StoreStack stack = new StoreStack(database, cdrs, sink, hasher, privacy, mask,
                    config.store().recordings());
            stack.afterRecovery(config.campaigns());
            JdbcComplianceRepository reports = new JdbcComplianceRepository(database);
            RetentionJob retention = new RetentionJob(config.privacy().retention(), privacy, stack.history, reports,
                    new ComplianceReporter(reports, config.profiles(), clock), clock, stack.recordings);
            long every = config.privacy().retention().runEvery().toSeconds();
            housekeeping.scheduleWithFixedDelay(retention, 60, every, TimeUnit.SECONDS);
            return stack;
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * With encryption on, numbers still in clear (a store written before it was turned on) would not be found by
     * the blind-index lookups, do-not-call among them: the server does not start over them; nor, with encryption
     * off, over numbers kept by their blind index.
     */
    private static void refuseNumbersInClear(Database database) {
        if (!database.personalData().enabled()) {
            List<String> encrypted = KeyRotation.tablesKeyedByIndex(database.dataSource());
            if (!encrypted.isEmpty()) {
                throw new StoreException("the store holds numbers encrypted at rest (" + encrypted + ") but "
                        + "dialer.privacy.encryption is off: they would not be found (do-not-call among them); "
                        + "configure the encryption keys (docs/security.md)", null);
            }
            return;
        }
        Map<String, Long> clear = new KeyRotation(database).plaintextRows();
        if (!clear.isEmpty()) {
            throw new StoreException("dialer.privacy.encryption is on but the store still holds numbers in clear "
                    + clear + ": run `dialer privacy rotate-keys -c <this config>` first (docs/operations.md)", null);
        }
    }

    /**
     * After the journal replay: an abandoned leg closed at start-up enters the number's abandon history (its
     * redial lockout) as it would have, had the dialer lived to see the leg end; and the replayed legs are
     * committed before campaigns start, so their outcomes count.
     */
    private void afterRecovery(Map<String, CampaignConfig> campaigns) {
        for (CdrLeg leg : sink.recovery().closed()) {
            if (leg.kind() == LegKind.CUSTOMER && leg.disposition() == Disposition.ABANDONED
                    && campaigns.containsKey(leg.campaign()) && leg.normalizedNumber() != null) {
                history.recordAbandon(leg.normalizedNumber(), leg.answeredAt() != null ? leg.answeredAt()
                        : leg.endedAt());
            }
        }
        int replayed = sink.recovery().ended().size() + sink.recovery().closed().size();
        if (replayed > 0 && !sink.flush(RECOVERY_FLUSH)) {
            LOG.warn("{} CDR leg(s) from the journal not yet committed after {} s; they stay queued and journaled",
                    replayed, RECOVERY_FLUSH.toSeconds());
        } else if (replayed > 0) {
            LOG.info("{} CDR leg(s) from the journal committed", replayed);
        }
    }

    @Override
    public void close() {
        sink.close();
        database.close();
    }
}
