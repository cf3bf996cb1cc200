package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairdial.dialing.LeadFile.Result;
import org.fairdial.dialing.LeadFile.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lead lists as operators write them: header, comments, quoted names, national numbers, mistakes, repeats. */
class LeadFileTest {
    @TempDir
    Path dir;

    @Test
    void headerCommentsAndBlankLinesAreSkippedAndNumbersNormalized() throws IOException {
        Result r = read("IT", """
                number,name
                # spring list, batch 1

                +39 02 1234 5678,Mario Rossi
                333 123 4567,"Bianchi, Giulia"
                   \t
                0039 06 9876 5432,
                  # indented comment
                02-1234-5000
                """);
        assertEquals(List.of(
                new Lead("+390212345678", 4, "+39 02 1234 5678", "+390212345678", "Mario Rossi"),
                new Lead("+393331234567", 5, "333 123 4567", "+393331234567", "Bianchi, Giulia"),
                new Lead("+390698765432", 7, "0039 06 9876 5432", "+390698765432", null),
                new Lead("+390212345000", 9, "02-1234-5000", "+390212345000", null)), r.leads());
        assertEquals(List.of(), r.errors());
        assertEquals(0, r.duplicates());
    }

    @Test
    void headerIsOptional() throws IOException {
        Result r = read("IT", "0212345678,Mario\n");
        assertEquals(List.of(new Lead("+390212345678", 1, "0212345678", "+390212345678", "Mario")), r.leads());
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() throws IOException {
        Result r = read("IT", "NUMBER,Name\n0212345678,Mario\n");
        assertEquals(1, r.leads().size());
        assertEquals(List.of(), r.errors());
    }

    @Test
    void defaultRegionAppliesToNationalNumbersOnly() throws IOException {
        Result r = read("GB", """
                020 7946 0958,London
                +39 02 1234 5678,Milano
                """);
        assertEquals(List.of("+442079460958", "+390212345678"), r.leads().stream().map(Lead::e164).toList());
    }

    @Test
    void badRowsAreReportedWithTheirLineAndSkipped() throws IOException {
        Result r = read("IT", """
                number,name
                call me maybe,Nobody
                0212345678,Mario
                12,Too short
                +999 1234,No such country
                ,No number
                """);
        assertEquals(List.of("+390212345678"), r.leads().stream().map(Lead::e164).toList());
        assertEquals(List.of(2, 4, 5, 6), r.errors().stream().map(RowError::line).toList());
        assertTrue(r.errors().get(0).reason().startsWith("'call me maybe' is not a phone number: "),
                r.errors().get(0).reason());
        assertEquals("'12' is not a possible phone number", r.errors().get(1).reason());
        assertEquals("line 4: '12' is not a possible phone number", r.errors().get(1).toString());
        assertTrue(r.errors().get(2).reason().startsWith("'+999 1234' is not a phone number: "),
                r.errors().get(2).reason());
        assertEquals("no number in column 'number'", r.errors().get(3).reason());
    }

    /** The same E.164 number, however written, is dialed once; the first row wins. */
    @Test
    void duplicatesAreMergedAndCounted() throws IOException {
        Result r = read("IT", """
                number,name
                02 1234 5678,First
                +390212345678,Second
                333 123 4567,Giulia
                0039 02 12345678,Third
                """);
        assertEquals(List.of(
                new Lead("+390212345678", 2, "02 1234 5678", "+390212345678", "First"),
                new Lead("+393331234567", 4, "333 123 4567", "+393331234567", "Giulia")), r.leads());
        assertEquals(2, r.duplicates());
        assertEquals(List.of(), r.errors());
    }

    @Test
    void emptyFileHasNoLeads() throws IOException {
        Result r = read("IT", "");
        assertEquals(new Result(List.of(), List.of(), 0), r);
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> LeadFile.read(dir.resolve("none.csv"), "IT"));
    }

    @Test
    void headerAfterLeadingCommentsIsSkipped() throws IOException {
        Result r = read("IT", """
                # exported 2025-03-01
                number,name
                0212345678,Mario
                """);
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.leads().size());
    }

    @Test
    void headerAfterAByteOrderMarkIsSkipped() throws IOException {
        Result r = read("IT", "\uFEFFnumber,name\n0212345678,Mario\n");
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.leads().size());
    }

    /** As a spreadsheet in an Italian locale saves "CSV UTF-8": BOM, semicolons, CRLF, a note over two lines. */
    @Test
    void spreadsheetExportWithSemicolonsAndAQuotedLineBreakIsRead() throws IOException {
        Result r = read("IT", "\uFEFFnumber;name;notes\r\n"
                + "02 1234 5678;\"Rossi; Mario\";\"richiamare\r\ndopo le 18\"\r\n"
                + "call me maybe;Nobody;\r\n"
                + "333 123 4567;Giulia;\r\n");
        assertEquals(2, r.leads().size(), r.errors().toString());
        Lead mario = r.leads().get(0);
        assertEquals("+390212345678", mario.e164());
        assertEquals("Rossi; Mario", mario.name());
        assertEquals(Map.of("notes", "richiamare\r\ndopo le 18"), mario.fields());
        assertEquals(5, r.leads().get(1).line());
        assertEquals(List.of(4), r.errors().stream().map(RowError::line).toList(),
                "the bad row's line counts the note's line break");
    }

    private Result read(String region, String csv) throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return LeadFile.read(file, region);
    }
}
