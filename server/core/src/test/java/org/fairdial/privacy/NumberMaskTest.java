package org.fairdial.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Masking in logs: the last digits only, as many as configured. */
class NumberMaskTest {

    @Test
    void showsTheLastFourDigitsByDefault() {
        assertEquals("***5678", NumberMask.DEFAULT.mask("+390212345678"));
        assertEquals("***45", NumberMask.DEFAULT.mask("2345"), "the first two characters never show");
        assertEquals("null", NumberMask.DEFAULT.mask(null));
    }

    @Test
    void visibleDigitsAreConfigurableDownToNone() {
        assertEquals("***78", NumberMask.of(2).mask("+390212345678"));
        assertEquals("***", NumberMask.of(0).mask("+390212345678"));
        assertThrows(IllegalArgumentException.class, () -> NumberMask.of(5));
        assertThrows(IllegalArgumentException.class, () -> NumberMask.of(-1));
    }

    /** Regression: the setting was one process-wide static, so the last server or tool to start set it for all. */
    @Test
    void twoMasksWithDifferentDigitsWorkSideBySide() {
        NumberMask two = NumberMask.of(2);
        NumberMask four = NumberMask.of(4);
        NumberMask none = NumberMask.of(0);
        assertEquals("***78", two.mask("+390212345678"));
        assertEquals("***5678", four.mask("+390212345678"));
        assertEquals("***", none.mask("+390212345678"));
        assertEquals("***78", two.mask("+390212345678"), "building the others changed nothing");
    }

    @Test
    void aFollowingMaskReadsItsSettingAtEachUse() {
        AtomicInteger setting = new AtomicInteger(4);
        NumberMask live = NumberMask.following(setting::get);
        assertEquals("***5678", live.mask("+390212345678"));
        setting.set(1);
        assertEquals("***8", live.mask("+390212345678"));
        setting.set(7);
        assertThrows(IllegalArgumentException.class, () -> live.mask("+390212345678"));
    }

    @Test
    void scrubMasksEveryNumberInFreeText() {
        String driver = "Unique index violation: PUBLIC.DNC(NUMBER, SCOPE) VALUES ('+390212345678', '*'), "
                + "lead 0299000040; port 5060, 2024-05-01";
        String scrubbed = NumberMask.of(2).scrub(driver);
        assertEquals("Unique index violation: PUBLIC.DNC(NUMBER, SCOPE) VALUES ('***78', '*'), "
                + "lead ***40; port 5060, 2024-05-01", scrubbed);
        assertFalse(scrubbed.contains("12345678"));
        assertEquals(null, NumberMask.DEFAULT.scrub(null));
    }
}
