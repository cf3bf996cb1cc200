package org.fairdial.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Download dates of do-not-call registry files: the {@code downloaded} key of a registry and the header line a
 * file may carry ({@code # downloaded: 2026-11-20} or {@code # downloaded: 2026-11-20T06:00:00Z}). A bare date is
 * the start of that day in UTC, the earliest it can mean, so the age is never understated.
 */
public final class RegistryDates {
    /** The header line's key, after {@code #}, case-insensitive, followed by {@code :} or blanks. */
    public static final String HEADER_KEY = "downloaded";

    private RegistryDates() {
    }

    /** A date, a date-time with offset, or a UTC date-time without one; null if it is none of those. */
    public static Instant parse(String text) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The date a comment line declares ({@code # downloaded: 2026-11-20}), or null when the line is another
     * comment or its date cannot be read.
     */
    public static Instant fromHeader(String commentLine) {
        String t = commentLine.trim();
        if (!t.startsWith("#")) {
            return null;
        }
        t = t.substring(1).trim();
        if (t.length() <= HEADER_KEY.length()
                || !t.substring(0, HEADER_KEY.length()).toLowerCase(Locale.ROOT).equals(HEADER_KEY)) {
            return null;
        }
        String rest = t.substring(HEADER_KEY.length());
        char sep = rest.charAt(0);
        if (sep != ':' && sep != ' ' && sep != '\t' && sep != '=') {
            return null;
        }
        return parse(rest.substring(1).trim());
    }
}
