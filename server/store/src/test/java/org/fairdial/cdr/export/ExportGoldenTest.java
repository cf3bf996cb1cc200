package org.fairdial.cdr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.report.ReportRendering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The library-backed writers against files the hand-written encoders wrote before them (src/test/resources/cdr,
 * legs in {@link ExportGoldenLegs}): ordinary legs come out byte for byte the same; the leg with odd text (line
 * breaks, quotes, outer spaces, control characters) reads back to the same values, though Commons CSV also
 * quotes a field with outer spaces and Jackson writes {@code \u001F} where the old code wrote {@code \u001f}.
 */
class ExportGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void ordinaryLegsAreByteForByteWhatTheHandWrittenEncoderWrote(ExportFormat format) throws IOException {
        String golden = golden(format);
        String[] lines = golden.split("\n", -1);
        int ordinary = format.header() == null ? 2 : 3;
        String prefix = String.join("\n", List.of(lines).subList(0, ordinary)) + "\n";
        String written = write(format);
        assertTrue(written.startsWith(prefix), written);
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"CSV", "ASTERISK_CSV"})
    void everyCsvValueReadsBackAsBefore(ExportFormat format) throws IOException {
        List<List<String>> before = csv(golden(format));
        assertEquals(format.header() == null ? 3 : 4, before.size());
        assertEquals(before, csv(write(format)));
    }

    @Test
    void everyJsonValueReadsBackAsBefore() throws IOException {
        List<String> before = golden(ExportFormat.JSONL).lines().toList();
        List<String> after = write(ExportFormat.JSONL).lines().toList();
        assertEquals(3, after.size());
        for (int i = 0; i < before.size(); i++) {
            JsonNode expected = JSON.readTree(before.get(i));
            assertEquals(expected, JSON.readTree(after.get(i)));
            assertEquals(42, expected.size());
        }
    }

    @Test
    void complianceReportJsonIsWhatTheHandWrittenEncoderWrote() throws IOException {
        assertEquals(golden("report-golden.json"), ReportRendering.json(ExportGoldenLegs.report()) + "\n");
    }

    private static String write(ExportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        LegWriter writer = format.writer(out);
        for (CdrLeg leg : ExportGoldenLegs.legs()) {
            writer.write(leg);
        }
        writer.flush();
        return out.toString();
    }

    private static List<List<String>> csv(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                records.add(r.toList());
            }
        }
        return records;
    }

    private static String golden(ExportFormat format) throws IOException {
        return golden("export-golden." + format.name().toLowerCase(Locale.ROOT) + ".txt");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ExportGoldenTest.class.getResourceAsStream("/cdr/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
