package org.fairdial.admin;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.RtpQuality;

/**
 * Call-quality metrics, one observation per leg as it ends, from its CDR: jitter and loss as we measured them on
 * what the peer sent ({@code source=us}) and as the peer reported them over RTCP on what we sent
 * ({@code source=peer}), and the round trip. A figure that is not known is not observed.
 */
final class CallQualityMetrics {
    /** Buckets: jitter past 30 ms and loss past 1% are audible; ITU-T G.114 puts 150 ms one way as the limit. */
    private static final double[] JITTER_MS = {5, 10, 20, 30, 50, 100};
    private static final double[] LOSS_PERCENT = {0.5, 1, 2, 5, 10};
    private static final double[] RTT_MS = {50, 100, 150, 300, 600};
    private static final String JITTER = "Interarrival jitter of a leg's audio (RFC 3550)";
    private static final String LOSS = "RTP packets lost over a leg, percent";

    private CallQualityMetrics() {
    }

    static void record(MeterRegistry registry, CdrLeg cdr) {
        String leg = cdr.kind().name();
        RtpQuality q = cdr.rtpQuality();
        observe(registry, "fairdial.rtp.jitter", "milliseconds", JITTER_MS, JITTER, leg, "us", q.jitterMs());
        observe(registry, "fairdial.rtp.jitter", "milliseconds", JITTER_MS, JITTER, leg, "peer", q.peerJitterMs());
        long expected = cdr.rtpReceived() + cdr.rtpLost();
        observe(registry, "fairdial.rtp.loss", "percent", LOSS_PERCENT, LOSS, leg, "us",
                expected == 0 ? null : 100.0 * cdr.rtpLost() / expected);
        observe(registry, "fairdial.rtp.loss", "percent", LOSS_PERCENT, LOSS, leg, "peer",
                q.peerLost() == null || cdr.rtpSent() == 0 ? null : 100.0 * Math.max(0, q.peerLost()) / cdr.rtpSent());
        observe(registry, "fairdial.rtp.rtt", "milliseconds", RTT_MS, "Round-trip time to a leg's peer (RTCP)", leg,
                "peer", q.rttMs());
    }

    private static void observe(MeterRegistry registry, String name, String unit, double[] buckets,
                                String description, String leg, String source, Double value) {
        if (value != null) {
            DistributionSummary.builder(name).baseUnit(unit).description(description).tags("leg", leg, "source",
                    source).serviceLevelObjectives(buckets).register(registry).record(value);
        }
    }
}
