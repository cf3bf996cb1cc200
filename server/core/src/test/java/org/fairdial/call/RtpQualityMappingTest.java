package org.fairdial.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.fairdial.cdr.RtpQuality;
import org.fairdial.media.FarEndReport;
import org.fairdial.media.RtpStats;
import org.junit.jupiter.api.Test;

/** What the media engine measured becomes the CDR's quality figures, unknown ones staying null. */
class RtpQualityMappingTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void farEndReportAndOurJitterReachTheCdrRounded() {
        RtpStats stats = new RtpStats(500, 498, 2, AT, AT).withQuality(0.123456,
                new FarEndReport(100.0 * 13 / 256, 42, 20.0, 31.98765, AT));
        assertEquals(new RtpQuality(0.12, 5.08, 42L, 20.0, 31.99), LegLog.quality(stats));
    }

    @Test
    void withoutRtcpOnlyOurOwnFiguresAreKnown() {
        assertEquals(new RtpQuality(1.5, null, null, null, null),
                LegLog.quality(new RtpStats(1, 1, 0, AT, AT).withQuality(1.5, null)));
        assertEquals(RtpQuality.UNKNOWN, LegLog.quality(RtpStats.NONE));
        RtpQuality noRoundTrip = LegLog.quality(RtpStats.NONE.withQuality(null,
                new FarEndReport(0, 0, 0.5, null, AT)));
        assertEquals(new RtpQuality(null, 0.0, 0L, 0.5, null), noRoundTrip);
    }
}
