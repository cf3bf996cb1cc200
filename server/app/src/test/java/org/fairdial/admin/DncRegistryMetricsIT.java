package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry metrics on /metrics: each registry's age since its declared download and a stale flag under the
 * profile of the campaigns that check it (the test profile keeps the Garante's 15 days).
 */
@Timeout(60)
class DncRegistryMetricsIT {
    @TempDir
    Path dir;

    @Test
    void ageAndStaleFlagPerRegistry() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Files.writeString(dir.resolve("fresh.txt"), "# downloaded: " + today.minusDays(2) + "\n0299000099\n");
        Files.writeString(dir.resolve("old.txt"), "# downloaded: " + today.minusDays(20) + "\n0299000098\n");
        try (AdminFixture dialer = AdminFixture.in(dir).admin("metrics-public = true").extra("""
                dialer.do-not-call.registries {
                  fresh { file = "%s", region = IT }
                  old { file = "%s", region = IT }
                }
                dialer.campaigns.it.do-not-call.registries = [fresh, old]
                """.formatted(dir.resolve("fresh.txt"), dir.resolve("old.txt"))).start()) {
            HttpResponse<String> response = dialer.get("/metrics", null);
            assertEquals(200, response.statusCode(), response.body());
            PrometheusText metrics = PrometheusText.parse(response.body());
            assertEquals("gauge", metrics.type("fairdial_dnc_registry_age_seconds"));
            for (Map.Entry<String, Integer> r : Map.of("fresh", 2, "old", 20).entrySet()) {
                long expected = Duration.between(today.minusDays(r.getValue()).atStartOfDay(ZoneOffset.UTC)
                        .toInstant(), Instant.now()).toSeconds();
                double age = metrics.value("fairdial_dnc_registry_age_seconds", Map.of("registry", r.getKey()));
                assertTrue(Math.abs(age - expected) < 60, r.getKey() + " age " + age + ", expected " + expected);
            }
            assertEquals(0.0, metrics.value("fairdial_dnc_registry_stale", Map.of("registry", "fresh")));
            assertEquals(1.0, metrics.value("fairdial_dnc_registry_stale", Map.of("registry", "old")));
        }
    }
}
