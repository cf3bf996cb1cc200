package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairdial.dialing.LeadFile.Result;
import org.fairdial.dialing.LeadFile.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lead files that are not what a list should be: another encoding, a line of many megabytes. */
class HostileLeadFileTest {
    @TempDir
    Path dir;

    @Test
    void aLatin1FileIsRefusedWithTheFileTheLineAndNotUtf8() throws IOException {
        Path file = dir.resolve("export-latin1.csv");
        // As a Windows spreadsheet saves "CSV": é is the single byte 0xE9, invalid in UTF-8.
        Files.writeString(file, "number,name\n0212345678,Mario\n0212345679,Andr\u00e9\n0212345670,Ugo\n",
                Charset.forName("windows-1252"));
        Result r = LeadFile.read(file, "IT");
        assertEquals(List.of(), r.leads(), "refused whole, not half imported");
        assertEquals(1, r.errors().size());
        RowError error = r.errors().get(0);
        assertEquals(3, error.line());
        assertTrue(error.reason().contains("export-latin1.csv"), error.reason());
        assertTrue(error.reason().contains("not UTF-8"), error.reason());
        assertTrue(error.reason().contains("0xE9"), error.reason());
    }

    @Test
    void aBadByteFarIntoTheFileIsFoundOnItsLine() throws IOException {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("02").append(10_000_000 + i).append(",Caf\u00e9 ").append(i).append('\n');
        }
        Path file = dir.resolve("late.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            out.write("0299999999,Bad \u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        RowError error = LeadFile.read(file, "IT").errors().get(0);
        assertEquals(20_002, error.line());
        assertTrue(error.reason().contains("not UTF-8"), error.reason());
    }

    @Test
    void aUtf8FileWithAccentsIsRead() throws IOException {
        Path file = dir.resolve("utf8.csv");
        Files.writeString(file, "number,name\n0212345679,Andr\u00e9\n", StandardCharsets.UTF_8);
        Result r = LeadFile.read(file, "IT");
        assertEquals(List.of(), r.errors());
        assertEquals("Andr\u00e9", r.leads().get(0).name());
    }

    @Test
    void aSingleHugeLineIsRefusedAtABoundedLength() throws IOException {
        Path file = dir.resolve("one-line.csv");
        // 64 MB without a line break: read whole (as the JDK's readLine would) it takes 128 MB of heap per copy.
        byte[] chunk = "0212345678,".repeat(1_000).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("number,name\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < 64L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
        }
        Result r = LeadFile.read(file, "IT");
        assertEquals(List.of(), r.leads());
        assertEquals(1, r.errors().size());
        assertEquals(2, r.errors().get(0).line());
        assertTrue(r.errors().get(0).reason().contains("runs past " + CsvRecords.MAX_RECORD_CHARS), r.errors().get(0).reason());
    }
}
