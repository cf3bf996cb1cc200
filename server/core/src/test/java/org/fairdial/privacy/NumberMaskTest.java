package org.fairdial.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Masking in logs: the last digits only, as many as configured. */
class NumberMaskTest {

    @AfterEach
    void restoreDefault() {
        NumberMask.setVisibleDigits(NumberMask.MAX_VISIBLE_DIGITS);
    }

    @Test
    void showsTheLastFourDigitsByDefault() {
        assertEquals("***5678", NumberMask.mask("+390212345678"));
        assertEquals("***45", NumberMask.mask("2345"), "the first two characters never show");
        assertEquals("null", NumberMask.mask(null));
    }

    @Test
    void visibleDigitsAreConfigurableDownToNone() {
        NumberMask.setVisibleDigits(2);
        assertEquals("***78", NumberMask.mask("+390212345678"));
        NumberMask.setVisibleDigits(0);
        assertEquals("***", NumberMask.mask("+390212345678"));
        assertThrows(IllegalArgumentException.class, () -> NumberMask.setVisibleDigits(5));
    }
}
