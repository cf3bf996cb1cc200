package org.fairdial.privacy;

import java.time.Instant;
import java.time.InstantSource;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.config.PrivacyConfig;
import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.storage.JdbcLockoutRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of call-level personal data ({@code dialer.privacy.retention}), run by the server every
 * {@code run-every} and by {@code dialer privacy purge}: first the compliance reports of every campaign are
 * stored (so the figures outlive the rows), then legs older than {@code call-data} are blanked or deleted, lead
 * states last attempted before then are deleted, and expired lockouts are dropped.
 */
public final class RetentionJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final PrivacyConfig.Retention retention;
    private final JdbcPrivacyRepository privacy;
    private final JdbcLockoutRepository lockouts;
    private final JdbcComplianceRepository reports;
    private final ComplianceReporter reporter;
    private final InstantSource clock;

    public RetentionJob(PrivacyConfig.Retention retention, JdbcPrivacyRepository privacy,
                        JdbcLockoutRepository lockouts, JdbcComplianceRepository reports, ComplianceReporter reporter,
                        InstantSource clock) {
        this.retention = retention;
        this.privacy = privacy;
        this.lockouts = lockouts;
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
     * @param lockouts   expired lockouts deleted
     */
    public record Outcome(Instant cutoff, long legs, long leadStates, long lockouts) {
    }

    /** One pass; failures (database down) are logged and the next scheduled pass tries again. */
    @Override
    public void run() {
        try {
            Outcome o = apply();
            if (o.legs() + o.leadStates() + o.lockouts() > 0) {
                LOG.info("retention: {} leg(s) {} and {} lead state(s) older than {} removed, {} expired "
                        + "lockout(s) dropped", o.legs(), retention.mode() == PrivacyConfig.RetentionMode.DELETE
                        ? "deleted" : "anonymized", o.leadStates(), o.cutoff(), o.lockouts());
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
        long expired = lockouts.purgeExpired(now);
        return new Outcome(cutoff, legs, leads, expired);
    }
}
