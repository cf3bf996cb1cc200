package org.fairdial.cdr.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;

/**
 * {@link ExportFormat#CSV} and {@link ExportFormat#ASTERISK_CSV} through Commons CSV's printer: RFC 4180 quoting
 * (a field with a comma, quote or line break is quoted, inner quotes doubled), records ended by {@code \n} as
 * the hand-written writer did.
 */
final class CsvLegWriter implements LegWriter {
    /** Quoted where needed, a null value as an empty field. */
    private static final CSVFormat PLAIN = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    /** Asterisk's cdr_csv quotes every text field and leaves the two durations bare. */
    private static final CSVFormat ASTERISK = PLAIN.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get();
    private static final DateTimeFormatter ASTERISK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final CSVPrinter printer;
    private final boolean asterisk;

    private CsvLegWriter(CSVPrinter printer, boolean asterisk) {
        this.printer = printer;
        this.asterisk = asterisk;
    }

    /** The fairdial layout, starting with its header record. */
    static CsvLegWriter columns(Writer out) throws IOException {
        CsvLegWriter writer = new CsvLegWriter(new CSVPrinter(out, PLAIN), false);
        writer.printer.printRecord((Object[]) LegColumns.NAMES);
        return writer;
    }

    /** Asterisk's Master.csv layout, which has no header. */
    static CsvLegWriter asterisk(Writer out) throws IOException {
        return new CsvLegWriter(new CSVPrinter(out, ASTERISK), true);
    }

    @Override
    public void write(CdrLeg leg) throws IOException {
        if (asterisk) {
            printer.printRecord(asteriskValues(leg));
        } else {
            printer.printRecord(LegColumns.values(leg));
        }
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    private static Object[] asteriskValues(CdrLeg l) {
        boolean customer = l.kind() == LegKind.CUSTOMER;
        String peer = customer ? l.trunk() : l.agent();
        long duration = Duration.between(l.createdAt(), l.endedAt()).toSeconds();
        long billsec = l.answeredAt() == null ? 0 : Duration.between(l.answeredAt(), l.endedAt()).toSeconds();
        return new Object[] {text(l.campaign()), text(l.callerId()), text(customer ? l.normalizedNumber() : l.agent()),
            "fairdial", "\"" + l.campaign() + "\" <" + text(l.callerId()) + ">",
            "SIP/" + (peer == null ? "unknown" : peer) + "-" + LegIds.shortForm(l.legId()), "", "Dial",
            text(l.toUri()), ASTERISK_TIME.format(l.createdAt()),
            l.answeredAt() == null ? "" : ASTERISK_TIME.format(l.answeredAt()), ASTERISK_TIME.format(l.endedAt()),
            Math.max(0, duration), Math.max(0, billsec), ExportFormat.asteriskDisposition(l.disposition()),
            "DOCUMENTATION", l.legId().toString(),
            l.disposition() + ";" + (l.sipCode() == null ? "" : l.sipCode()) + ";" + l.kind()};
    }

    /** Asterisk writes an unknown value as an empty quoted field. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
