package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 4180 fields as Commons CSV reads them for lead lists: commas, double quotes, doubled quotes inside them,
 * outer spaces trimmed (the cases of the hand-written CsvLine, now through {@link CsvRecords}); and what
 * spreadsheets write: line breaks inside quotes, {@code ;} separators, a byte order mark, CRLF.
 */
class CsvRecordsTest {

    @Test
    void plainFields() throws IOException {
        assertEquals(List.of("+390212345678", "Mario Rossi"), split("+390212345678,Mario Rossi"));
    }

    @Test
    void oneField() throws IOException {
        assertEquals(List.of("0212345678"), split("0212345678"));
    }

    @Test
    void emptyFieldsAreKept() throws IOException {
        assertEquals(List.of("0212345678", "", ""), split("0212345678,,"));
        assertEquals(List.of("", "x"), split(",x"));
    }

    @Test
    void quotedFieldKeepsItsCommas() throws IOException {
        assertEquals(List.of("02 1234 5678", "Rossi, Mario", "VIP"),
                split("\"02 1234 5678\",\"Rossi, Mario\",VIP"));
    }

    @Test
    void doubledQuoteInsideQuotesIsOneQuote() throws IOException {
        assertEquals(List.of("0212345678", "Bar \"Da Mario\", Roma"),
                split("0212345678,\"Bar \"\"Da Mario\"\", Roma\""));
    }

    @Test
    void spacesAroundFieldsAreTrimmed() throws IOException {
        assertEquals(List.of("0212345678", "Rossi, Mario"), split("  0212345678 ,  \"Rossi, Mario\"  "));
    }

    @Test
    void unterminatedQuoteRunsToTheEndOfTheLine() throws IOException {
        assertEquals(List.of("0212345678", "Rossi, Mario"), split("0212345678,\"Rossi, Mario"));
    }

    @Test
    void quotedLineBreaksStayInTheFieldAndLinesCountFromWhereEachRecordStarts() throws IOException {
        Read r = read("number,notes\n0212345678,\"first line\nsecond, line\"\n\n# comment\n0212345679,x\n");
        assertEquals(List.of(List.of("number", "notes"), List.of("0212345678", "first line\nsecond, line"),
                List.of("0212345679", "x")), r.records);
        assertEquals(List.of(1, 2, 6), r.lines);
    }

    @Test
    void semicolonsFromASpreadsheetAreDetectedFromTheHeaderLine() throws IOException {
        Read r = read("\uFEFF# exported by a spreadsheet, in Italian\r\nnumber;name;notes\r\n"
                + "02 1234 5678;\"Rossi; Mario\";\"a, b\"\r\n");
        assertEquals(List.of(List.of("number", "name", "notes"), List.of("02 1234 5678", "Rossi; Mario", "a, b")),
                r.records);
        assertEquals(List.of(2, 3), r.lines);
        assertEquals(';', r.separator);
    }

    @Test
    void commasStayTheSeparatorWhenTheHeaderHasMore() throws IOException {
        Read r = read("number,name,\"notes; remarks\"\n0212345678,Mario;Rossi,x\n");
        assertEquals(',', r.separator);
        assertEquals(List.of("0212345678", "Mario;Rossi", "x"), r.records.get(1));
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        assertEquals(List.of("number", "name"), split("\uFEFFnumber,name"));
    }

    @Test
    void anUnclosedQuoteIsStoppedAtTheLimitAndReportedWhereItStarts() throws IOException {
        StringBuilder csv = new StringBuilder("number,name\n0212345678,ok\n0212345679,\"never closed\n");
        while (csv.length() < 4 * CsvRecords.MAX_RECORD_CHARS) {
            csv.append("0212345670,Someone\n");
        }
        Read r = read(csv.toString());
        assertEquals(2, r.records.size());
        assertEquals(3, r.failedAt);
        assertTrue(r.failure.contains("runs past 65536 characters"), r.failure);
    }

    private record Read(List<List<String>> records, List<Integer> lines, char separator, String failure,
                        int failedAt) {
    }

    private static Read read(String csv) throws IOException {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader(csv)));
        List<List<String>> all = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> fields;
        while ((fields = records.next()) != null) {
            all.add(fields);
            lines.add(records.line());
        }
        assertNull(records.next(), "stays at the end");
        return new Read(all, lines, records.separator(), records.failure(),
                records.failure() == null ? 0 : records.line());
    }

    private static List<String> split(String line) throws IOException {
        Read r = read(line);
        assertEquals(1, r.records.size(), r.records.toString());
        return r.records.get(0);
    }
}
