package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.RtpQuality;
import org.junit.jupiter.api.Test;

/** The call-quality histograms, scraped and parsed strictly as a Prometheus server would. */
class CallQualityMetricsTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private static CdrLeg leg(LegKind kind, long sent, long received, long lost, RtpQuality quality) {
        return new CdrLeg(UUID.randomUUID(), UUID.randomUUID(), kind, "it", null, null, null, null, null, null,
                null, null, null, T, null, T, T, T.plusSeconds(60), null, false, 0, 60_000, Disposition.ANSWERED,
                200, "OK", null, HangupSide.REMOTE, false, 0, sent, received, lost).withRtpQuality(quality);
    }

    @Test
    void eachKnownFigureIsOneObservationUnderItsLegAndSource() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CallQualityMetrics.record(registry, leg(LegKind.CUSTOMER, 3000, 2970, 30,
                new RtpQuality(4.0, 1.5, 60L, 25.0, 120.0)));
        CallQualityMetrics.record(registry, leg(LegKind.AGENT, 3000, 3000, 0, RtpQuality.UNKNOWN));
        PrometheusText text = PrometheusText.parse(registry.scrape());

        assertEquals("histogram", text.type("fairdial_rtp_jitter_milliseconds"));
        Map<String, String> customerUs = Map.of("leg", "CUSTOMER", "source", "us");
        Map<String, String> customerPeer = Map.of("leg", "CUSTOMER", "source", "peer");
        assertEquals(4.0, text.value("fairdial_rtp_jitter_milliseconds_sum", customerUs));
        assertEquals(25.0, text.value("fairdial_rtp_jitter_milliseconds_sum", customerPeer));
        assertEquals(1.0, text.value("fairdial_rtp_jitter_milliseconds_bucket",
                Map.of("leg", "CUSTOMER", "source", "peer", "le", "30.0")));
        assertEquals(0.0, text.value("fairdial_rtp_jitter_milliseconds_bucket",
                Map.of("leg", "CUSTOMER", "source", "peer", "le", "20.0")));
        assertEquals(1.0, text.value("fairdial_rtp_loss_percent_sum", customerUs)); // 30 of 3000 expected
        assertEquals(2.0, text.value("fairdial_rtp_loss_percent_sum", customerPeer)); // 60 of 3000 sent
        assertEquals(120.0, text.value("fairdial_rtp_rtt_milliseconds_sum", customerPeer));

        // The agent's phone sent no RTCP: only our own loss is known (0%), no jitter (none given), no RTT.
        assertEquals(1.0, text.value("fairdial_rtp_loss_percent_count", Map.of("leg", "AGENT", "source", "us")));
        assertEquals(0.0, text.sum("fairdial_rtp_jitter_milliseconds_count", Map.of("leg", "AGENT")));
        assertFalse(text.samples().stream().anyMatch(s -> s.name().startsWith("fairdial_rtp_rtt")
                && "AGENT".equals(s.labels().get("leg"))));
    }
}
