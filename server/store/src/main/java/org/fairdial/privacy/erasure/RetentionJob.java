package org.fairdial.privacy.erasure;

import java.time.Instant;
import java.time.InstantSource;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.config.PrivacyConfig;
import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.storage.RecordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of call-level personal data ({@code dialer.privacy.retention}), run by the server every
 * {@code run-every} and by {@code dialer privacy purge}: first the compliance reports of every campaign are
 * stored (so the figures outlive the rows), then legs older than {@code call-data} are blanked or deleted, and
 * lead states and dial attempts from before then are deleted.
 */
public final class RetentionJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final PrivacyConfig.Retention retention;
    private final JdbcPrivacyRepository privacy;
    private final JdbcDialHistoryRepository history;
    private final JdbcComplianceRepository reports;
    private final ComplianceReporter reporter;
    private final InstantSource clock;
    private final RecordingStore recordings;

    public RetentionJob(PrivacyConfig.Retention retention, JdbcPrivacyRepository privacy,
                        JdbcDialHistoryRepository history, JdbcComplianceRepository reports, ComplianceReporter reporter,
                        InstantSource clock) {
        this(retention, privacy, history, reports, reporter, clock, null);
    }

    /**
     * A job that also deletes call recordings started before the cutoff from {@code recordings} (null: none
     * kept), whatever the mode: a voice cannot be anonymized.
     */
    public RetentionJob(PrivacyConfig.Retention retention, JdbcPrivacyRepository privacy,
                        JdbcDialHistoryRepository history, JdbcComplianceRepository reports, ComplianceReporter reporter,
                        InstantSource clock, RecordingStore recordings) {
        this.recordings = recordings;
        this.retention = retention;
        this.privacy = privacy;
        this.history = history;
        this.reports = reports;
        this.reporter = reporter;
        this.clock = clock;
    }

    /**
     * What one pass changed.
     *
     * @param cutoff     legs created before this were affected
     * @param legs       legs blanked or deleted
     * @param leadStates lead states deleted
     * @param attempts   dial attempts deleted
     * @param recordings call recordings deleted
     */
    public record Outcome(Instant cutoff, long legs, long leadStates, long attempts, long recordings) {
    }

    /** One pass; failures (database down) are logged and the next scheduled pass tries again. */
    @Override
    public void run() {
        try {
            Outcome o = apply();
            if (o.legs() + o.leadStates() + o.attempts() + o.recordings() > 0) {
                LOG.info("retention: {} leg(s) {}, {} lead state(s), {} dial attempt(s) and {} recording(s) older"
                        + " than {} removed", o.legs(),
                        retention.mode() == PrivacyConfig.RetentionMode.DELETE ? "deleted" : "anonymized",
                        o.leadStates(), o.attempts(), o.recordings(), o.cutoff());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention pass failed, next one in {}: {}", retention.runEvery(), e.toString());
        }
    }

    public Outcome apply() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention.callData());
        for (String campaign : reports.campaigns()) {
            reporter.storeAll(campaign);
        }
        long legs = retention.mode() == PrivacyConfig.RetentionMode.DELETE ? privacy.deleteLegsBefore(cutoff)
                : privacy.blankLegsBefore(cutoff, now);
        long leads = privacy.deleteLeadStatesBefore(cutoff);
        long attempts = history.purgeAttempts(cutoff);
        long deletedRecordings = recordings == null ? 0 : recordings.deleteBefore(cutoff);
        return new Outcome(cutoff, legs, leads, attempts, deletedRecordings);
    }
}
