package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairdial.compliance.Consent;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.dialing.LeadFile.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadImportTest {
    private static final LeadColumns MAPPED = new LeadColumns("Phone", "Full name", "tz", "consent_source",
            "consent_at");

    @TempDir
    Path dir;

    /** Collects what the import streams out. */
    private static final class Collected implements LeadImport.Sink {
        final List<Lead> leads = new ArrayList<>();
        final List<Lead> duplicates = new ArrayList<>();
        final List<RowError> rejected = new ArrayList<>();

        @Override
        public void lead(Lead lead) {
            leads.add(lead);
        }

        @Override
        public void duplicate(Lead again) {
            duplicates.add(again);
        }

        @Override
        public void rejected(RowError error) {
            rejected.add(error);
        }
    }

    private static LeadImport.Report run(String csv, LeadColumns columns, Collected sink) throws IOException {
        return LeadImport.run(new BufferedReader(new StringReader(csv)), columns, "IT", sink);
    }

    @Test
    void mapsColumnsNormalizesAndKeepsCustomFields() throws IOException {
        String csv = """
                Phone,Full name,tz,consent_source,consent_at,product,notes
                02 1234 5678,Mario Rossi,Europe/Rome,web form,2024-05-01T10:15:30Z,gas,"likes ""mornings""\"
                +1 212 555 0100,John Smith,,,,power,
                """;
        Collected sink = new Collected();
        LeadImport.Report report = run(csv, MAPPED, sink);
        assertEquals(new LeadImport.Report(2, 2, 0, 0, List.of()), report);
        Lead mario = sink.leads.get(0);
        assertEquals("+390212345678", mario.e164());
        assertEquals("02 1234 5678", mario.raw());
        assertEquals(2, mario.line());
        assertEquals("Mario Rossi", mario.name());
        assertEquals(ZoneId.of("Europe/Rome"), mario.timeZone());
        assertEquals(new Consent("web form", Instant.parse("2024-05-01T10:15:30Z")), mario.consent());
        assertEquals(Map.of("product", "gas", "notes", "likes \"mornings\""), mario.fields());
        Lead john = sink.leads.get(1);
        assertEquals("+12125550100", john.e164());
        assertNull(john.timeZone());
        assertNull(john.consent());
        assertEquals(Map.of("product", "power"), john.fields());
    }

    @Test
    void badRowsAreReportedWithLineAndReasonAndTheRestIsRead() throws IOException {
        String csv = """
                Phone,Full name,tz,consent_source,consent_at
                # a comment line
                not a number,A
                ,B
                02 1234 5678,C,Mars/Olympus
                02 1234 5679,D,,web,
                02 1234 5670,E,,web,yesterday
                02 1234 5671,F,,,,extra

                02 1234 5672,G,,phone call,2024-05-01
                """;
        Collected sink = new Collected();
        LeadImport.Report report = run(csv, MAPPED, sink);
        assertEquals(7, report.rows());
        assertEquals(1, report.leads());
        assertEquals(6, report.rejected());
        List<Integer> lines = report.firstErrors().stream().map(RowError::line).toList();
        assertEquals(List.of(3, 4, 5, 6, 7, 8), lines);
        assertTrue(report.firstErrors().get(0).reason().contains("not a number"), report.firstErrors().toString());
        assertTrue(report.firstErrors().get(2).reason().contains("time zone"));
        assertTrue(report.firstErrors().get(3).reason().contains("both its source"));
        assertTrue(report.firstErrors().get(4).reason().contains("ISO-8601"));
        assertEquals(sink.rejected, report.firstErrors());
        assertEquals(10, sink.leads.get(0).line());
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), sink.leads.get(0).consent().at());
    }

    @Test
    void duplicatesAreMergedFirstRowWinning() throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, """
                number,name,city
                02 1234 5678,,Milano
                +39 02 12345678,Mario Rossi,Roma
                0212345678,Other Name,
                333 123 4567,Giulia,
                """);
        LeadFile.Result result = LeadFile.read(file, "IT");
        assertEquals(2, result.leads().size());
        assertEquals(2, result.duplicates());
        Lead merged = result.leads().get(0);
        assertEquals("Mario Rossi", merged.name(), "a blank name is filled by a later row");
        assertEquals(Map.of("city", "Milano"), merged.fields(), "the first row's values win");
        assertEquals(2, merged.line());
    }

    @Test
    void quotedFieldsMaySpanLinesAndLineNumbersFollowTheFile() throws IOException {
        String csv = "number,name,notes\n02 1234 5678,A,\"first line\nsecond line\"\nbad,B,\n";
        Collected sink = new Collected();
        run(csv, LeadColumns.DEFAULT, sink);
        assertEquals("first line\nsecond line", sink.leads.get(0).fields().get("notes"));
        assertEquals(4, sink.rejected.get(0).line());
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
        Collected sink = new Collected();
        run("\uFEFFnumber,name\n0212345678,A\n", LeadColumns.DEFAULT, sink);
        assertEquals("+390212345678", sink.leads.get(0).e164());
    }

    @Test
    void headerWithoutTheNumberColumnIsOneErrorNotAMillion() throws IOException {
        Collected sink = new Collected();
        LeadImport.Report report = run("phone,name\n0212345678,A\n0212345679,B\n", LeadColumns.DEFAULT, sink);
        assertEquals(0, report.leads());
        assertEquals(1, report.rejected());
        assertTrue(sink.rejected.get(0).reason().contains("no column 'number'"));
    }

    @Test
    void streamsAGeneratedListWithoutHoldingIt() throws IOException {
        // The sink sees leads while the file is still being read: it keeps nothing, and the report counts.
        Path file = dir.resolve("big.csv");
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("+39 02 ").append(10_000_000 + i % 15_000).append(",Lead ").append(i).append('\n');
        }
        Files.writeString(file, csv);
        long[] seen = new long[2];
        LeadImport.Report report = LeadImport.run(file, LeadColumns.DEFAULT, "IT", new LeadImport.Sink() {
            @Override
            public void lead(Lead lead) {
                seen[0]++;
            }

            @Override
            public void duplicate(Lead again) {
                seen[1]++;
            }
        });
        assertEquals(new LeadImport.Report(20_000, 15_000, 5_000, 0, List.of()), report);
        assertEquals(15_000, seen[0]);
        assertEquals(5_000, seen[1]);
    }
}
