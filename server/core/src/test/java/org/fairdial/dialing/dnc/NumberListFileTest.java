package org.fairdial.dialing.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberListFileTest {

    @TempDir
    Path dir;

    private NumberListFile.Loaded load(String text, String region) throws IOException {
        Path file = dir.resolve("dnc-" + region + ".txt");
        Files.writeString(file, text);
        return NumberListFile.load(file, region);
    }

    @Test
    void usRegistryLinesNationalAndE164() throws IOException {
        NumberListFile.Loaded l = load("# US registry extract\n2125550100\n12125550101\n+12125550102\r\n"
                + "  3105550100  \n\n(415) 555-0100\n212555\nabc\n4155550199", "US");
        CompactNumberSet set = l.set();
        for (String n : List.of("+12125550100", "+12125550101", "+12125550102", "+13105550100", "+14155550100",
                "+14155550199")) {
            assertTrue(set.contains(n), n);
        }
        assertEquals(6, set.size());
        assertEquals(2, l.invalid());
        assertEquals(List.of(8L, 9L), l.invalidLines());
        assertEquals(10, l.lines());
    }

    @Test
    void trunkPrefixIsStrippedWhereItIsNotPartOfTheNumber() throws IOException {
        CompactNumberSet uk = load("02079460018\n2079460019\n+442079460020\n020 7946 0021\n", "GB").set();
        for (String n : List.of("+442079460018", "+442079460019", "+442079460020", "+442079460021")) {
            assertTrue(uk.contains(n), n);
        }
        // Italy has no trunk prefix: the leading 0 of a fixed line is part of the number.
        CompactNumberSet it = load("0212345678\n3331234567\n+390212345679\n", "IT").set();
        assertTrue(it.contains("+390212345678"));
        assertTrue(it.contains("+393331234567"));
        assertTrue(it.contains("+390212345679"));
        assertFalse(it.contains("+39212345678"));
    }

    @Test
    void overlongLinesAreRefusedNotTruncated() throws IOException {
        NumberListFile.Loaded l = load("1".repeat(200) + "\n2125550100\n", "US");
        assertEquals(1, l.invalid());
        assertEquals(1, l.set().size());
    }
}
