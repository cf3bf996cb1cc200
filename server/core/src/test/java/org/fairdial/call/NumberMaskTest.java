package org.fairdial.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fairdial.privacy.NumberMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NumberMask}, the masking call control applies to every number it logs. (Kept in this package: call
 * control is its main user.)
 */
class NumberMaskTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(value = {
            "+390212345678 | ***5678",
            "0212345678    | ***5678",
            "+44 20 7946 0958 | ***0958",
            "123456        | ***3456",
            "12345         | ***345",
            "5678          | ***78",
            "123           | ***3",
            "12            | ***",
            "1             | ***",
            "''            | ***",
    }, delimiter = '|')
    void keepsAtMostTheLastFourDigits(String number, String masked) {
        assertEquals(masked, NumberMask.DEFAULT.mask(number));
    }

    @Test
    void nullIsSaidSo() {
        assertEquals("null", NumberMask.DEFAULT.mask(null));
    }

    /** However short the number, at least two of its characters stay hidden. */
    @Test
    void neverShowsAWholeNumber() {
        String digits = "98765432109876543210";
        for (int length = 0; length <= digits.length(); length++) {
            String number = digits.substring(0, length);
            String shown = NumberMask.DEFAULT.mask(number).substring(3);
            assertTrue(shown.length() <= 4 && shown.length() <= Math.max(0, length - 2), number + " -> " + shown);
            assertTrue(number.endsWith(shown), number + " -> " + shown);
        }
    }
}
