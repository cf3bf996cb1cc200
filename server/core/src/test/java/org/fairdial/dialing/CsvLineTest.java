package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 fields: commas, double quotes, doubled quotes inside them; outer spaces trimmed. */
class CsvLineTest {

    @Test
    void plainFields() {
        assertEquals(List.of("+390212345678", "Mario Rossi"), CsvLine.split("+390212345678,Mario Rossi"));
    }

    @Test
    void oneField() {
        assertEquals(List.of("0212345678"), CsvLine.split("0212345678"));
    }

    @Test
    void emptyFieldsAreKept() {
        assertEquals(List.of("0212345678", "", ""), CsvLine.split("0212345678,,"));
        assertEquals(List.of("", "x"), CsvLine.split(",x"));
    }

    @Test
    void quotedFieldKeepsItsCommas() {
        assertEquals(List.of("02 1234 5678", "Rossi, Mario", "VIP"),
                CsvLine.split("\"02 1234 5678\",\"Rossi, Mario\",VIP"));
    }

    @Test
    void doubledQuoteInsideQuotesIsOneQuote() {
        assertEquals(List.of("0212345678", "Bar \"Da Mario\", Roma"),
                CsvLine.split("0212345678,\"Bar \"\"Da Mario\"\", Roma\""));
    }

    @Test
    void spacesAroundFieldsAreTrimmed() {
        assertEquals(List.of("0212345678", "Rossi, Mario"), CsvLine.split("  0212345678 ,  \"Rossi, Mario\"  "));
    }

    @Test
    void unterminatedQuoteRunsToTheEndOfTheLine() {
        assertEquals(List.of("0212345678", "Rossi, Mario"), CsvLine.split("0212345678,\"Rossi, Mario"));
    }
}
