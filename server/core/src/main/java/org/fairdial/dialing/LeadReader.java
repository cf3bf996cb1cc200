package org.fairdial.dialing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairdial.compliance.Consent;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.dialing.LeadFile.RowError;

/**
 * Turns CSV records into {@link Lead}s through the campaign's column mapping: the header row names the columns;
 * the number is normalized to E.164 with the campaign's default region; time zone and consent are checked; every
 * other column is kept as a field for the agent. A bad row becomes a {@link RowError} with its line number; the
 * reader goes on with the next. A record that is not CSV at all (an unclosed quote running on past
 * {@value CsvRecords#MAX_RECORD_CHARS} characters) is reported with its line and ends the read.
 */
final class LeadReader {
    /** What the reader produces, row by row. */
    interface Rows {
        void lead(Lead lead);

        void rejected(RowError error);
    }

    private final LeadColumns columns;
    private final String region;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    LeadReader(LeadColumns columns, String region) {
        this.columns = columns;
        this.region = region;
    }

    /** Reads every row; returns the number of data rows (header excluded). */
    long read(BufferedReader in, Rows rows) throws IOException {
        CsvRecords records = new CsvRecords(in);
        List<String> header = records.next();
        if (header == null) {
            unreadable(records, rows);
            return 0;
        }
        List<String> firstRow = null;
        if (!header.isEmpty() && looksLikeNumber(header.get(0))) {
            // No header: the simplest list, a number per row and optionally a name, in that order.
            firstRow = header;
            header = List.of(columns.number(), columns.name());
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        int number = column(index, columns.number());
        if (number < 0) {
            rows.rejected(new RowError(records.line(), "the header row " + header + " has no column '"
                    + columns.number() + "' (lead-columns.number); no lead read"));
            return 0;
        }
        int name = column(index, columns.name());
        int zone = column(index, columns.timeZone());
        int source = column(index, columns.consentSource());
        int at = column(index, columns.consentAt());
        long count = 0;
        List<String> fields;
        while ((fields = firstRow != null ? firstRow : records.next()) != null) {
            firstRow = null;
            count++;
            int line = records.line();
            if (fields.size() > header.size()) {
                rows.rejected(new RowError(line, fields.size() + " fields, more than the header's " + header.size()));
                continue;
            }
            try {
                rows.lead(lead(line, fields, header, number, name, zone, source, at));
            } catch (BadRow e) {
                rows.rejected(new RowError(line, e.getMessage(), e.quoted));
            }
        }
        if (unreadable(records, rows)) {
            count++;
        }
        return count;
    }

    /** Reports where and why the list could not be read to its end; true when it could not. */
    private static boolean unreadable(CsvRecords records, Rows rows) {
        if (records.failure() == null) {
            return false;
        }
        rows.rejected(new RowError(records.line(), records.failure()));
        return true;
    }

    /** A header names columns; a first field with digits and no letters is already a number. */
    private static boolean looksLikeNumber(String field) {
        return field.chars().anyMatch(Character::isDigit) && field.chars().noneMatch(Character::isLetter);
    }

    private Lead lead(int line, List<String> f, List<String> header, int number, int name, int zone, int source,
                      int at) throws BadRow {
        String raw = get(f, number);
        if (raw == null) {
            throw new BadRow("no number in column '" + columns.number() + "'");
        }
        String e164;
        try {
            PhoneNumber parsed = util.parse(raw, region);
            if (!util.isPossibleNumber(parsed)) {
                throw new BadRow("'" + raw + "' is not a possible phone number", raw);
            }
            e164 = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new BadRow("'" + raw + "' is not a phone number: " + e.getMessage(), raw);
        }
        ZoneId tz = null;
        String zoneText = get(f, zone);
        if (zoneText != null) {
            try {
                tz = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw new BadRow("'" + zoneText + "' is not a time zone such as Europe/Rome");
            }
        }
        Consent consent = consent(get(f, source), get(f, at), tz);
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < f.size(); i++) {
            if (i != number && i != name && i != zone && i != source && i != at && !f.get(i).isEmpty()) {
                extra.put(header.get(i), f.get(i));
            }
        }
        return new Lead(e164, line, raw, e164, get(f, name), tz, consent, extra);
    }

    private Consent consent(String source, String at, ZoneId zone) throws BadRow {
        if (source == null && at == null) {
            return null;
        }
        if (source == null || at == null) {
            throw new BadRow("consent needs both its source ('" + columns.consentSource() + "') and its time ('"
                    + columns.consentAt() + "')");
        }
        return new Consent(source, instant(at, zone));
    }

    private static Instant instant(String text, ZoneId zone) throws BadRow {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone == null ? ZoneOffset.UTC : zone).toInstant();
            }
            if (text.endsWith("Z")) {
                return Instant.parse(text);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new BadRow("consent time '" + text + "' is not ISO-8601 (2024-05-01T10:15:30Z, "
                    + "2024-05-01T12:15:30+02:00 or 2024-05-01)");
        }
    }

    private static int column(Map<String, Integer> index, String name) {
        if (name == null || name.isBlank()) {
            return -1;
        }
        return index.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    private static String get(List<String> fields, int i) {
        if (i < 0 || i >= fields.size() || fields.get(i).isEmpty()) {
            return null;
        }
        return fields.get(i);
    }

    /** A row that cannot become a lead; the message says why, quoting {@code quoted} (the number column) if set. */
    private static final class BadRow extends Exception {
        final String quoted;

        BadRow(String message) {
            this(message, null);
        }

        BadRow(String message, String quoted) {
            super(message, null, false, false);
            this.quoted = quoted;
        }
    }
}
