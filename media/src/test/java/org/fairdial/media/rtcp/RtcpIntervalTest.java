package org.fairdial.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 3550 6.3.1 for a call: the 5 s minimum wins, randomised and compensated. */
class RtcpIntervalTest {

    @Test
    void regularIntervalsStayWithinTheRandomisedMinimumAndAverageItsCompensatedValue() {
        SplittableRandom random = new SplittableRandom(42);
        double sum = 0;
        int draws = 10_000;
        for (int i = 0; i < draws; i++) {
            double seconds = RtcpInterval.nextNanos(false, 100, random) / 1e9;
            assertTrue(seconds >= 2.5 / RtcpInterval.COMPENSATION && seconds <= 7.5 / RtcpInterval.COMPENSATION,
                    "interval " + seconds);
            sum += seconds;
        }
        assertEquals(5.0 / RtcpInterval.COMPENSATION, sum / draws, 0.05);
    }

    @Test
    void firstReportComesWithinHalfTheMinimum() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            double seconds = RtcpInterval.nextNanos(true, 100, random) / 1e9;
            assertTrue(seconds >= 1.25 / RtcpInterval.COMPENSATION && seconds <= 3.75 / RtcpInterval.COMPENSATION);
        }
    }

    @Test
    void hugeReportsStretchTheIntervalBeyondTheMinimum() {
        // 2 members * 2000 octets / (10 kB/s * 5%) = 8 s deterministic.
        double seconds = RtcpInterval.nextNanos(false, 2000, new FixedHalf()) / 1e9;
        assertEquals(8.0 / RtcpInterval.COMPENSATION, seconds, 1e-6);
    }

    /** Always the middle of the randomisation range, so the deterministic part shows. */
    private static final class FixedHalf implements java.util.random.RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble(double origin, double bound) {
            return (origin + bound) / 2;
        }
    }
}
