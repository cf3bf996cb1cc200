package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final LogLimiter limiter = new LogLimiter(10_000, now::get);

    @Test
    void oneLinePerKeyPerIntervalThenTheSuppressedCount() {
        assertEquals(0, limiter.admit("a"));
        for (int i = 0; i < 999; i++) {
            assertEquals(-1, limiter.admit("a"));
        }
        assertEquals(0, limiter.admit("b"), "another key has its own budget");
        now.set(10_000);
        assertEquals(999, limiter.admit("a"));
        assertEquals(-1, limiter.admit("a"));
    }

    @Test
    void controlBytesAreEscapedAndLongTextCut() {
        assertEquals("OPTIONS\\x0d\\x0aFake: line\\x00\\x1b[31m\\x85", LogLimiter.escape(
                "OPTIONS\r\nFake: line\0\u001b[31m\u0085", 100));
        assertEquals("abc... (6 chars)", LogLimiter.escape("abcdef", 3));
        assertEquals("caf\u00e9", LogLimiter.escape("caf\u00e9", 10), "printable text is kept");
    }
}
