package org.fairdial.dialing;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a lead list's CSV records one at a time through Commons CSV, so a list of any length streams through
 * bounded memory. What spreadsheets export is taken as they write it: a UTF-8 byte order mark is dropped, the
 * separator is {@code ;} when the first line (header or first row) has more semicolons than commas outside quotes,
 * else {@code ,}; a quoted field may hold separators, doubled quotes and line breaks. Fields are trimmed. Blank
 * lines and lines starting with {@code #} (spaces before it allowed) are skipped. {@link #line()} is the
 * physical line a record starts on.
 */
final class CsvRecords {
    /** A record longer than about this is reported, and the list not read further, rather than read into memory. */
    static final int MAX_RECORD_CHARS = 64 * 1024;

    private static final char BOM = '\uFEFF';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final BoundedReader bounded;
    private final char separator;
    private int recordLine;
    private String failure;
    private boolean done;

    CsvRecords(BufferedReader in) throws IOException {
        skipBom(in);
        separator = separator(in);
        bounded = new BoundedReader(in);
        parser = CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                // as the hand-written reader did: text after a closing quote is kept, a quote open at the end
                // of the file ends there
                .setTrailingData(true)
                .setLenientEof(true)
                .get()
                .parse(bounded);
        records = parser.iterator();
    }

    /** The next record's fields, or null at the end of the input or after {@link #failure()}. */
    List<String> next() throws IOException {
        while (!done) {
            long before = parser.getCurrentLineNumber();
            bounded.recordStarts();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    done = true;
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                done = true;
                recordLine = (int) before + 1;
                if (e.getCause() instanceof RecordTooLong) {
                    failure = "a record (an unclosed quote?) runs past " + MAX_RECORD_CHARS
                            + " characters; the rest of the list is not read";
                } else if (e.getCause() instanceof CSVException bad) {
                    failure = "not CSV from here on (" + bad.getMessage() + "); the rest of the list is not read";
                } else {
                    throw e.getCause();
                }
                return null;
            }
            String comment = record.getComment();
            recordLine = (int) before + 1 + (comment == null ? 0 : (int) comment.lines().count());
            List<String> fields = record.toList();
            if (!blank(fields) && !fields.get(0).startsWith("#")) {
                return fields;
            }
        }
        return null;
    }

    /** Line number (1-based) where the last record returned (or the one that failed) starts. */
    int line() {
        return recordLine;
    }

    /** Why the list could not be read past {@link #line()}, or null. */
    String failure() {
        return failure;
    }

    /** The field separator in use. */
    char separator() {
        return separator;
    }

    private static boolean blank(List<String> fields) {
        for (String f : fields) {
            if (!f.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void skipBom(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != BOM) {
            in.reset();
        }
    }

    /**
     * Semicolons when the first line that is neither blank nor a comment has more of them than commas, outside
     * quotes: spreadsheets in locales whose decimal mark is a comma export CSV with {@code ;}.
     */
    static char separator(BufferedReader in) throws IOException {
        in.mark(MAX_RECORD_CHARS + 1);
        try {
            int commas = 0;
            int semicolons = 0;
            boolean quoted = false;
            boolean lineStart = true;
            boolean skipLine = false;
            boolean content = false;
            for (int n = 0; n < MAX_RECORD_CHARS; n++) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                if (lineStart && (c == ' ' || c == '\t')) {
                    continue;
                }
                if (lineStart) {
                    lineStart = false;
                    skipLine = c == '#';
                }
                if ((c == '\n' || c == '\r') && !quoted) {
                    if (content && !skipLine) {
                        break;
                    }
                    lineStart = true;
                    continue;
                }
                if (skipLine) {
                    continue;
                }
                content = true;
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == ';') {
                    semicolons++;
                }
            }
            return semicolons > commas ? ';' : ',';
        } finally {
            in.reset();
        }
    }

    /** A record did not end within the limit. */
    private static final class RecordTooLong extends IOException {
        RecordTooLong() {
            super("record longer than " + MAX_RECORD_CHARS + " characters", null);
        }
    }

    /**
     * Counts what the parser reads since a record started and stops it past the limit. The parser reads ahead by
     * its buffer (8 KiB), so the count is within that of the record's length: the bound holds for memory.
     */
    private static final class BoundedReader extends FilterReader {
        private static final int READ_AHEAD = 8 * 1024;
        private long sinceRecord;

        BoundedReader(Reader in) {
            super(in);
        }

        void recordStarts() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws RecordTooLong {
            sinceRecord += n;
            if (sinceRecord > MAX_RECORD_CHARS + READ_AHEAD) {
                throw new RecordTooLong();
            }
        }
    }
}
