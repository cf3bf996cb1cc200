package org.fairdial.cdr.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;

/**
 * How {@code dialer cdr export} writes a leg. {@link #CSV} and {@link #JSONL} carry every {@code cdr_leg} column
 * under its own name (docs/cdr.md), timestamps as ISO-8601 UTC with milliseconds, durations in milliseconds;
 * {@link #ASTERISK_CSV} is the column order of Asterisk's {@code Master.csv} (cdr_csv), for tools that read it.
 */
public enum ExportFormat {
    /** RFC 4180 CSV with a header line. */
    CSV,
    /** One JSON object per line. */
    JSONL,
    /**
     * Asterisk cdr_csv's Master.csv: no header; accountcode (campaign), src (caller ID sent), dst (number dialed,
     * or the agent), dcontext ({@code fairdial}), clid, channel ({@code SIP/<trunk or agent>-<last 8 hex digits
     * of the leg id>}), dstchannel (empty), lastapp ({@code Dial}), lastdata (Request-URI), start, answer, end
     * ({@code yyyy-MM-dd HH:mm:ss} UTC, as with {@code usegmtime=yes}), duration and billsec (whole seconds,
     * unquoted), disposition (ANSWERED, NO ANSWER, BUSY, FAILED), amaflags ({@code DOCUMENTATION}), uniqueid (leg
     * id) and userfield ({@code fairdial disposition;sip code;leg kind}), as with {@code loguniqueid=yes} and
     * {@code loguserfield=yes}.
     */
    ASTERISK_CSV;

    /** The header line, or null when the format has none. */
    public String header() {
        return this == CSV ? String.join(",", LegColumns.NAMES) : null;
    }

    /** A writer of legs onto {@code out}; {@link #CSV} writes its header line first. */
    public LegWriter writer(Writer out) throws IOException {
        return switch (this) {
            case CSV -> CsvLegWriter.columns(out);
            case JSONL -> new JsonLegWriter(out);
            case ASTERISK_CSV -> CsvLegWriter.asterisk(out);
        };
    }

    /** One leg as one line (without the line break), as {@link #writer} writes it. */
    public String line(CdrLeg leg) {
        StringWriter out = new StringWriter(768);
        try {
            LegWriter writer = writer(out);
            int header = header() == null ? 0 : header().length() + 1;
            writer.write(leg);
            writer.flush();
            return out.getBuffer().substring(header, out.getBuffer().length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
    }

    /** Asterisk knows no abandoned or cancelled call: the callee answered, or nobody did. */
    static String asteriskDisposition(Disposition d) {
        return switch (d) {
            case ANSWERED, ABANDONED -> "ANSWERED";
            case NO_ANSWER, CANCELLED -> "NO ANSWER";
            case BUSY -> "BUSY";
            case FAILED -> "FAILED";
        };
    }
}
