package org.fairdial.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** RFC 3550 A.8 on streams whose transit times are known. */
class JitterEstimatorTest {
    private static final long MS = 1_000_000L;

    @Test
    void steadyStreamHasNoJitterWhateverTheClockOffset() {
        JitterEstimator jitter = new JitterEstimator(8000);
        assertNull(jitter.millis());
        for (int i = 0; i < 100; i++) {
            jitter.arrived(7, 0xFFFF_FF00L + 160L * i & 0xFFFF_FFFFL, 123_456 * MS + 20 * MS * i);
        }
        assertEquals(0.0, jitter.millis());
        assertEquals(0, jitter.units());
    }

    @Test
    void alternatingTenMillisecondDeviationConvergesOnTenMilliseconds() {
        JitterEstimator jitter = new JitterEstimator(8000);
        for (int i = 0; i < 200; i++) {
            // Sent every 20 ms, arriving alternately 0 and 10 ms late: |D| = 80 timestamp units every packet.
            jitter.arrived(7, 160L * i, 20 * MS * i + (i % 2 == 0 ? 0 : 10 * MS));
        }
        assertEquals(79, jitter.units()); // 79.99..., approaching 80 from below; the report truncates
        assertEquals(10.0, jitter.millis(), 0.01);
    }

    @Test
    void firstDeviationMovesTheEstimateBySixteenth() {
        JitterEstimator jitter = new JitterEstimator(8000);
        jitter.arrived(7, 0, 0);
        jitter.arrived(7, 160, 20 * MS + 2 * MS); // 16 units late
        assertEquals(1.0 / 8, jitter.millis(), 1e-9); // J = 16/16 = 1 unit = 0.125 ms
    }

    @Test
    void newSourceStartsAfresh() {
        JitterEstimator jitter = new JitterEstimator(8000);
        jitter.arrived(7, 0, 0);
        jitter.arrived(7, 160, 40 * MS);
        jitter.arrived(8, 999_999, 60 * MS);
        assertEquals(0.0, jitter.millis());
    }
}
