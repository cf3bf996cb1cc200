package org.fairdial.dialing;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180), so a list of any length streams through bounded memory. A quoted
 * field may span lines; {@link #line()} is the line the record starts on. Blank lines and lines starting with
 * {@code #} are skipped.
 */
final class CsvRecords {
    /** A record longer than this is cut off and reported rather than read until memory runs out. */
    static final int MAX_RECORD_CHARS = 64 * 1024;

    private final BufferedReader in;
    private int lineNumber;
    private int recordLine;
    private boolean truncated;

    CsvRecords(BufferedReader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
        } while (line.isBlank() || line.stripLeading().startsWith("#"));
        recordLine = lineNumber;
        truncated = false;
        StringBuilder record = new StringBuilder(line);
        while (openQuote(record)) {
            String more = in.readLine();
            if (more == null) {
                break;
            }
            lineNumber++;
            if (record.length() + more.length() > MAX_RECORD_CHARS) {
                truncated = true;
                break;
            }
            record.append('\n').append(more);
        }
        return CsvLine.split(record.toString());
    }

    /** Line number (1-based) where the last record returned starts. */
    int line() {
        return recordLine;
    }

    /** The last record had an unterminated quote longer than {@link #MAX_RECORD_CHARS}. */
    boolean truncated() {
        return truncated;
    }

    private static boolean openQuote(CharSequence s) {
        int quotes = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 != 0;
    }
}
