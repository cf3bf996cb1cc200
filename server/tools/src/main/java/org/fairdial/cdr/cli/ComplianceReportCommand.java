package org.fairdial.cdr.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairdial.cdr.report.ComplianceReport;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.cdr.report.ReportRendering;
import org.fairdial.cdr.report.TsrCallRecords;
import org.fairdial.config.ToolConfig;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcComplianceRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer report compliance --campaign X [--json] [--records]}: abandon rate per regulatory window under
 * each profile's formula, the worst abandoned call, redials inside a lockout; with {@code --records}, each call's
 * TSR records ({@link TsrCallRecords}). The windows computed are stored, so the history
 * outlives the retention of call data; exit code 0 when every window shown complies, 3 when one does not.
 */
@Command(name = "compliance", mixinStandardHelpOptions = true,
        description = "Abandon rate, worst abandoned call and redials inside a lockout, "
        + "per regulatory window (uk-ofcom: each day; us-tsr: each 30 days; it-garante: cumulative).")
final class ComplianceReportCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, defaultValue = "config/dialer.conf",
            description = "configuration file naming the store (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--campaign", required = true, description = "campaign name")
    String campaign;

    @Option(names = "--formula", split = ",", description = "uk-ofcom, us-tsr, it-garante (default: all three)")
    List<String> formulas = new ArrayList<>();

    @Option(names = "--zone", description = "time zone of the windows' midnights (default: each formula's own: "
            + "Europe/London, UTC, Europe/Rome)")
    String zone;

    @Option(names = "--from", converter = ToolSupport.InstantConverter.class,
            description = "show windows ending after this (default: 31 days ago)")
    Instant from;

    @Option(names = "--to", converter = ToolSupport.InstantConverter.class,
            description = "show windows starting before this (default: now)")
    Instant to;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--records", description = "also list each call's TSR records (16 CFR 310.5(a)(2)): calling "
            + "number and caller-ID name, disposition, prerecorded message, consent; in --from..--to (default: the "
            + "last 31 days); with --json, one JSON object per line after the report")
    boolean records;

    @Override
    public Integer call() {
        List<Formula> chosen = new ArrayList<>();
        for (String name : formulas) {
            Formula f = Formula.ofProfile(name.toLowerCase(Locale.ROOT));
            if (f == null) {
                System.err.println("--formula: unknown '" + name + "'; use uk-ofcom, us-tsr or it-garante");
                return 2;
            }
            chosen.add(f);
        }
        if (chosen.isEmpty()) {
            chosen.addAll(List.of(Formula.values()));
        }
        ZoneId zoneId = zone == null ? null : ZoneId.of(zone);
        ToolConfig config = ToolSupport.load(file);
        if (config == null) {
            return 1;
        }
        ComplianceReport shown;
        try (Database db = ToolSupport.open(config)) {
            ComplianceReporter reporter = new ComplianceReporter(new JdbcComplianceRepository(db),
                    config.profiles(), InstantSource.system());
            ComplianceReport report = reporter.report(campaign, config.campaignProfiles().get(campaign), chosen,
                    zoneId);
            Instant shownFrom = from != null ? from : report.generatedAt().minus(Duration.ofDays(31));
            shown = ReportRendering.between(report, shownFrom, to);
            System.out.println(json ? ReportRendering.json(shown) : ReportRendering.text(shown));
            if (records) {
                StringBuilder out = new StringBuilder();
                Instant until = to != null ? to : report.generatedAt();
                long calls = TsrCallRecords.write(new JdbcCdrRepository(db), campaign, shownFrom, until, json, out);
                ToolSupport.auditDecrypted(db, "dialer report compliance --records", "TSR call records [" + shownFrom
                        + ", " + until + ") campaign " + campaign + ": " + calls + " call(s) decrypted");
                System.out.print(json ? out : "\n" + out);
            }
        }
        return shown.compliant() ? 0 : 3;
    }
}
