package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.fairdial.compliance.CampaignEpoch;
import org.fairdial.it.SippBridge;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real calls through the dialer (SIPp as carrier and callee) seen from the admin surface: the event stream
 * delivers the calls' events, the live-calls resource shows the call in progress, and /metrics (parsed strictly)
 * has the expected series, which move as the calls end. One abandoned call (answered, no agent) and three busy
 * ones keep it short.
 */
@Timeout(120)
class LiveCallsIT {
    private static final String ABANDONED = "+390299000301";
    private static final String[] BUSY = {"+390299000302", "+390299000303", "+390299000304"};

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void callsShowUpInTheEventStreamTheCallListAndTheMetrics() throws Exception {
        Assumptions.assumeTrue(SippBridge.available(),
                "sipp not found: install Debian package sip-tester (apt-get install sip-tester); skipping");
        try (AdminFixture dialer = AdminFixture.in(dir).leads(ABANDONED, BUSY[0], BUSY[1], BUSY[2])
                .admin("metrics-public = true").start();
             DatagramSocket callee = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                     SippBridge.freeRange(2)));
             EventStreamClient events = EventStreamClient.open(dialer.http, dialer.base, AdminFixture.VIEWER)) {
            PrometheusText before = scrape(dialer);
            assertEquals(0.0, before.sum("fairdial_calls_total", Map.of()));
            assertEquals(3.0, before.value("fairdial_agents", Map.of("state", "LOGGED_OUT")));
            events.await("hello", Duration.ofSeconds(5), e -> e.get("type").asText().equals("hello"));

            try (SippBridge customer = SippBridge.customer(dir, "answer", dialer.trunkPort,
                    "customer-answer-await-bye.xml", 1, Map.of("ring_ms", "300", "bye_timeout_ms", "6000",
                            "media_port", Integer.toString(callee.getLocalPort())))) {
                assertTrue(dialer.server.campaigns().get("it").dialNow(ABANDONED).get());
                JsonNode answered = events.await("call.answered", Duration.ofSeconds(10),
                        e -> e.get("type").asText().equals("call.answered"));
                String callId = answered.at("/call/callId").asText();
                assertEquals("***0301", answered.at("/call/number").asText(), "viewers get masked numbers");
                JsonNode live = AdminFixture.json(dialer.get("/api/calls/" + callId, AdminFixture.SUPERVISOR));
                assertEquals(ABANDONED, live.get("number").asText());
                assertTrue(live.get("ageMs").asLong() >= 0, live.toString());
                assertEquals("CUSTOMER", live.at("/legs/0/kind").asText());
                String viewed = dialer.get("/api/calls", AdminFixture.VIEWER).body();
                assertTrue(viewed.contains(callId), viewed);
                assertFalse(viewed.contains(digits(ABANDONED)), "a viewer sees no number, lead id included: " + viewed);
                assertEquals("***0301", AdminFixture.json(dialer.get("/api/calls/" + callId, AdminFixture.VIEWER))
                        .get("leadId").asText());
                assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
                JsonNode ended = events.await("call.ended", Duration.ofSeconds(10),
                        e -> e.get("type").asText().equals("call.ended") && e.at("/call/callId").asText().equals(callId));
                assertEquals("ABANDONED", ended.at("/call/disposition").asText());
                events.await("call.abandoned", Duration.ofSeconds(1),
                        e -> e.get("type").asText().equals("call.abandoned")
                                && e.at("/call/callId").asText().equals(callId));
            }
            try (SippBridge customer = SippBridge.customer(dir, "busy", dialer.trunkPort, "customer-reject.xml", 3,
                    Map.of("code", "486", "reason", "Busy Here", "q850", "17"))) {
                for (String number : BUSY) {
                    assertTrue(dialer.server.campaigns().get("it").dialNow(number).get());
                }
                assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            }
            await("3 busy calls counted", () -> scrapeQuietly(dialer).sum("fairdial_calls_total",
                    Map.of("campaign", "it", "disposition", "BUSY")) == 3);
            assertTrue(dialer.server.flushCdrs(Duration.ofSeconds(5)), "CDRs committed");

            PrometheusText after = scrape(dialer);
            Files.writeString(Path.of("target", "metrics-after-calls.prom"), dialer.get("/metrics", null).body());
            assertEquals("counter", after.type("fairdial_calls_total"));
            assertEquals("histogram", after.type("fairdial_answer_to_bye_seconds"));
            assertEquals("gauge", after.type("fairdial_agents"));
            assertEquals(1.0, after.value("fairdial_calls_total", Map.of("campaign", "it", "disposition",
                    "ABANDONED")));
            assertEquals(4.0, after.value("fairdial_campaign_dialed_total", Map.of("campaign", "it")));
            assertEquals(1.0, after.value("fairdial_campaign_abandon_ratio", Map.of("campaign", "it")));
            assertEquals(0.03, after.value("fairdial_campaign_abandon_cap_ratio", Map.of("campaign", "it")));
            assertEquals(1.0, after.value("fairdial_campaign_dial_ratio", Map.of("campaign", "it")));
            // The open period of each regulatory window of the campaign's rule (the fixture's custom profile:
            // the callee's day and the campaign so far, from its epoch, midnight UTC of the day it first ran).
            Map<String, String> window = Map.of("campaign", "it", "window", "it-test:campaign");
            assertEquals(1.0, after.value("fairdial_abandon_ratio", Map.of("campaign", "it", "window", "it-test:day")));
            assertEquals("gauge", after.type("fairdial_abandon_ratio"));
            assertEquals(1.0, after.value("fairdial_abandon_ratio", window), "one call answered, abandoned");
            long epoch = CampaignEpoch.of(Instant.now()).getEpochSecond();
            double start = after.value("fairdial_abandon_window_start_seconds", window);
            assertTrue(start == epoch || start == epoch - 86_400, "window start " + start);
            JsonNode stats = AdminFixture.json(dialer.get("/api/campaigns/it/stats", AdminFixture.VIEWER));
            assertEquals(4, stats.get("dialed").asInt(), stats.toString());
            assertEquals("it-test:campaign", stats.at("/windows/1/window").asText(), stats.toString());
            assertEquals(1, stats.at("/windows/1/answeredLive").asInt());
            assertEquals(1, stats.at("/windows/1/abandoned").asInt());
            assertEquals(0.03, stats.at("/windows/1/rateCap").asDouble(), 1e-12);
            assertEquals((long) start, Instant.parse(stats.at("/windows/1/start").asText()).getEpochSecond());
            assertEquals(4.0, after.sum("fairdial_sip_requests_total", Map.of("direction", "sent",
                    "method", "INVITE")));
            assertEquals(3.0, after.sum("fairdial_sip_responses_total", Map.of("direction", "received",
                    "method", "INVITE", "code", "486")));
            assertEquals(1.0, after.sum("fairdial_sip_responses_total", Map.of("direction", "received",
                    "method", "INVITE", "code", "200")));
            assertEquals(1.0, after.sum("fairdial_sip_requests_total", Map.of("direction", "sent", "method", "BYE")));
            Map<String, String> abandon = Map.of("campaign", "it", "disposition", "ABANDONED");
            assertEquals(1.0, after.value("fairdial_answer_to_bye_seconds_count", abandon));
            assertTrue(after.value("fairdial_answer_to_bye_seconds_sum", abandon) <= 3.0, "BYE within 3 s");
            assertEquals(1.0, after.value("fairdial_answer_to_bye_seconds_bucket", Map.of("campaign", "it",
                    "disposition", "ABANDONED", "le", "3.0")), "the 3 s bucket holds the abandoned call");
            assertTrue(after.sum("fairdial_rtp_packets_total", Map.of("leg", "CUSTOMER", "direction", "sent")) >= 50);
            assertEquals(4.0, after.value("fairdial_cdr_written_total", Map.of()));
            assertNotNull(after.value("fairdial_cdr_queue_depth", Map.of()));
            assertEquals(0.0, after.value("fairdial_calls_live", Map.of()));
            assertTrue(after.has("jvm_memory_used_bytes") && after.has("process_uptime_seconds")
                    && after.has("jvm_threads_live_threads"), "JVM metrics");
            after.samples().stream().filter(s -> s.name().startsWith("fairdial_")
                            && "counter".equals(after.type(s.name())))
                    .forEach(s -> assertTrue(s.name().endsWith("_total"), s.name()));

            for (String number : BUSY) {
                events.await("call.ended BUSY", Duration.ofSeconds(5), e -> e.get("type").asText().equals("call.ended")
                        && e.at("/call/number").asText().equals("***" + number.substring(number.length() - 4))
                        && e.at("/call/disposition").asText().equals("BUSY"));
            }
            events.await("campaign.stats", Duration.ofSeconds(5), e -> e.get("type").asText().equals("campaign.stats")
                    && e.at("/campaign/stats/busy").asInt() == 3);
            // docs/api.md: viewers (the wallboard) see numbers masked, in every event and every field.
            for (String number : List.of(ABANDONED, BUSY[0], BUSY[1], BUSY[2])) {
                for (JsonNode e : events.events()) {
                    assertFalse(e.toString().contains(digits(number)), "viewer event with a number: " + e);
                }
            }
            String cdrs = dialer.get("/api/cdrs?campaign=it", AdminFixture.VIEWER).body();
            assertTrue(cdrs.contains("\"count\":4"), cdrs);
            for (String number : List.of(ABANDONED, BUSY[0], BUSY[1], BUSY[2])) {
                assertFalse(cdrs.contains(digits(number)), "viewer CDRs with a number: " + cdrs);
            }
        }
    }

    /** The national significant number: what a viewer must never see, whatever the format around it. */
    private static String digits(String e164) {
        return e164.substring(3);
    }

    private static PrometheusText scrape(AdminFixture dialer) throws Exception {
        HttpResponse<String> response = dialer.get("/metrics", null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(response.body());
    }

    private static PrometheusText scrapeQuietly(AdminFixture dialer) {
        try {
            return scrape(dialer);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
