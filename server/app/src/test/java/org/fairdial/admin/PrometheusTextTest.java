package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-side parser is strict where scrapers are: shown on valid text and on each kind of broken text. */
class PrometheusTextTest {
    private static final String VALID = """
            # HELP calls_total Calls.
            # TYPE calls_total counter
            calls_total{campaign="a \\"q\\"",disposition="BUSY"} 3.0
            calls_total{campaign="b",disposition="BUSY",} 1 1700000000000
            # TYPE wait_seconds histogram
            wait_seconds_bucket{le="1.0"} 1
            wait_seconds_bucket{le="+Inf"} 2
            wait_seconds_count 2
            wait_seconds_sum 3.5
            up NaN
            """;

    @Test
    void readsSamplesLabelsAndTypes() {
        PrometheusText text = PrometheusText.parse(VALID);
        assertEquals("counter", text.type("calls_total"));
        assertEquals(3.0, text.value("calls_total", Map.of("campaign", "a \"q\"", "disposition", "BUSY")));
        assertEquals(4.0, text.sum("calls_total", Map.of("disposition", "BUSY")));
        assertTrue(Double.isNaN(text.value("up", Map.of())));
    }

    @Test
    void refusesWhatAScraperWouldRefuse() {
        for (String broken : new String[] {
            "9lives 1",
            "a{b=\"c\" 1",
            "a{b=c} 1",
            "a{b=\"c\",b=\"d\"} 1",
            "a 1\na 2",
            "a one",
            "# TYPE a counter\n# TYPE a gauge\na 1",
            "a 1\n# TYPE a counter",
            "a 1\nb 1\na{x=\"y\"} 2",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum 1",
            "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 3\nh_sum 1",
        }) {
            assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(broken), broken);
        }
    }
}
