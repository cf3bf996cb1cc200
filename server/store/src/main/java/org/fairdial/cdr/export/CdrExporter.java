package org.fairdial.cdr.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.storage.JdbcCdrRepository;

/**
 * Writes the legs of a period to a {@link Writer}, streaming: each row is formatted and written as it comes from
 * the database, so memory use does not grow with the number of rows (checked on a million rows with a 64 MiB heap).
 */
public final class CdrExporter {
    private final JdbcCdrRepository repository;

    public CdrExporter(JdbcCdrRepository repository) {
        this.repository = repository;
    }

    /**
     * Exports legs created in {@code [from, to)}, of {@code campaign} or all (null), oldest first.
     *
     * @return how many legs were written
     */
    public long export(Instant from, Instant to, String campaign, ExportFormat format, Writer out)
            throws IOException {
        return export(from, to, campaign, format, out, UnaryOperator.identity());
    }

    /**
     * As {@link #export(Instant, Instant, String, ExportFormat, Writer)}, each leg shown as {@code view} makes it
     * (the admin API masks the callee's numbers for roles that may not see them; a view may also throw to stop
     * an export that grows past a bound).
     */
    public long export(Instant from, Instant to, String campaign, ExportFormat format, Writer out,
                       UnaryOperator<CdrLeg> view) throws IOException {
        LegWriter writer = format.writer(out);
        try {
            return repository.stream(from, to, campaign, leg -> {
                try {
                    writer.write(view.apply(leg));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            writer.flush();
        }
    }
}
