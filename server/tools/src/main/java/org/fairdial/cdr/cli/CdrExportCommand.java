package org.fairdial.cdr.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairdial.cdr.export.CdrExporter;
import org.fairdial.cdr.export.ExportFormat;
import org.fairdial.config.ToolConfig;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer cdr export --from .. --to .. --format csv|jsonl [--campaign X] [--asterisk-csv]}: streams the legs
 * created in a period to stdout or a file, in constant memory whatever their number.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the CDR legs created in [--from, --to), oldest first; with encryption at rest on, the"
        + " numbers are decrypted and the export is written to the admin audit trail.")
final class CdrExportCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, defaultValue = "config/dialer.conf",
            description = "configuration file naming the store (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--from", required = true, converter = ToolSupport.InstantConverter.class,
            description = "first day (2025-03-04, UTC midnight) or time (2025-03-04T09:00:00+01:00), inclusive")
    Instant from;

    @Option(names = "--to", required = true, converter = ToolSupport.InstantConverter.class,
            description = "end day or time, exclusive")
    Instant to;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--campaign", description = "only this campaign")
    String campaign;

    @Option(names = "--asterisk-csv", description = "CSV in the column order of Asterisk's Master.csv")
    boolean asterisk;

    @Option(names = {"-o", "--output"}, description = "file to write (default: stdout)")
    Path output;

    @Override
    public Integer call() throws Exception {
        ExportFormat chosen;
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> chosen = asterisk ? ExportFormat.ASTERISK_CSV : ExportFormat.CSV;
            case "jsonl" -> chosen = ExportFormat.JSONL;
            default -> {
                System.err.println("--format must be csv or jsonl, not '" + format + "'");
                return 2;
            }
        }
        if (asterisk && chosen != ExportFormat.ASTERISK_CSV) {
            System.err.println("--asterisk-csv goes with --format csv");
            return 2;
        }
        if (!from.isBefore(to)) {
            System.err.println("--from must be before --to");
            return 2;
        }
        ToolConfig config = ToolSupport.load(file);
        if (config == null) {
            return 1;
        }
        long start = System.nanoTime();
        long rows;
        try (Database db = ToolSupport.open(config);
             OutputStream stream = output == null ? System.out : Files.newOutputStream(output);
             Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            rows = new CdrExporter(new JdbcCdrRepository(db)).export(from, to, campaign, chosen, out);
            ToolSupport.auditDecrypted(db, "dialer cdr export", "cdr export " + chosen + " [" + from + ", " + to
                    + ")" + (campaign == null ? "" : " campaign " + campaign) + ": " + rows + " leg(s) decrypted");
        }
        System.err.printf(Locale.ROOT, "exported %d leg(s) in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
