package org.fairdial.cdr.cli;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.config.PrivacyConfig;
import org.fairdial.config.ToolConfig;
import org.fairdial.privacy.erasure.RetentionJob;
import org.fairdial.privacy.NumberMask;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.storage.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dialer privacy purge}: applies the retention of call-level data now, as the server does on a schedule. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Apply dialer.privacy.retention now: store compliance reports, then "
        + "anonymize or delete call data older than retention.call-data.")
final class PrivacyPurgeCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, defaultValue = "config/dialer.conf",
            description = "configuration file naming the store (default: ${DEFAULT-VALUE})")
    Path file;

    @Override
    public Integer call() {
        ToolConfig config = ToolSupport.load(file);
        if (config == null) {
            return 1;
        }
        try (Database db = ToolSupport.open(config)) {
            InstantSource clock = InstantSource.system();
            JdbcComplianceRepository reports = new JdbcComplianceRepository(db);
            RetentionJob.Outcome o = new RetentionJob(config.privacy().retention(),
                    new JdbcPrivacyRepository(db), new JdbcDialHistoryRepository(db, NumberMask.DEFAULT), reports,
                    new ComplianceReporter(reports, config.profiles(), clock), clock,
                    new RecordingStore(db.dataSource(), db.personalData(), config.store().recordings())).apply();
            PrivacyConfig.Retention retention = config.privacy().retention();
            boolean delete = retention.mode() == PrivacyConfig.RetentionMode.DELETE;
            System.out.printf("retention (%d days, %s): %d leg(s) created before %s %s, %d lead state(s) deleted,"
                            + " %d dial attempt(s) deleted, %d recording(s) deleted%n", retention.callData().toDays(),
                    delete ? "delete" : "anonymize", o.legs(), o.cutoff(), delete ? "deleted" : "anonymized",
                    o.leadStates(), o.attempts(), o.recordings());
        }
        return 0;
    }
}
