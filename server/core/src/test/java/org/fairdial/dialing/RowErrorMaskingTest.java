package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairdial.dialing.LeadFile.RowError;
import org.fairdial.privacy.NumberMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: a refused row is logged with its number masked, in whatever format the list wrote it (spaces and
 * dashes defeat {@link NumberMask#scrub}), while the operator's report keeps what the list said.
 */
class RowErrorMaskingTest {

    @TempDir
    Path dir;

    @Test
    void theQuotedNumberColumnIsMaskedForTheLogAndKeptForTheReport() throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, "number,name\n02 9876 5432 1234 5678 99,Too long\n02-98,Too short\n02 9876 5432,Ok\n");

        LeadFile.Result r = LeadFile.read(file, "IT");

        assertEquals(1, r.leads().size());
        RowError tooLong = r.errors().get(0);
        assertEquals(2, tooLong.line());
        assertTrue(tooLong.toString().contains("'02 9876 5432 1234 5678 99'"), tooLong.toString());
        String logged = tooLong.toString(NumberMask.DEFAULT);
        assertFalse(logged.replaceAll("\\D", "").contains("9876"), logged);
        assertTrue(logged.startsWith("line 2: '***8 99' is not a"), logged);
        assertEquals("line 3: '***' is not a possible phone number", r.errors().get(1).toString(NumberMask.HIDDEN));
    }
}
