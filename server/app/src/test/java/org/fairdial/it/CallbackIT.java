package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairdial.agent.AgentState;
import org.fairdial.ports.LeadState;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A callback placed at the right time, over real SIP (issue 9): an agent disposes of a call as CALLBACK through
 * the API and the SIPp carrier receives the INVITE for that number no earlier than {@code callbackAt} and soon
 * after it; a callback asked for after the calling hours close is stored for their next opening (a week later:
 * the hours are today's only) and no INVITE reaches the carrier once the hours are closed.
 */
@Timeout(150)
class CallbackIT {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackIT.class);
    private static final String SUPERVISOR = "supervisor-token-0123456789";
    private static final String NUMBER = "+390299000501";
    /** The Italian callee's zone, whose calling hours apply. */
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** How late a due callback may reach the carrier on this shared 2-core machine (ticks of 100 ms, then SIP). */
    private static final Duration LATE_BOUND = Duration.ofSeconds(3);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @AfterEach
    void everyAgentCameBack() {
        TestDialer.assertNoStrandedAgents();
    }

    @Test
    void callbackInsideCallingHoursReachesTheCarrierAtItsTime() throws Exception {
        try (TestDialer dialer = admin(TestDialer.in(dir)).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer phone = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 2,
                    Map.of("ring_ms", "300", "talk_ms", "1000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", phone.port(), 40_000);
            dialer.awaitCdrs(2, Duration.ofSeconds(30));
            TestDialer.await("agent in wrap-up", Duration.ofSeconds(10),
                    () -> dialer.agentState("1001") == AgentState.WRAP_UP);

            Instant callbackAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
            HttpResponse<String> ok = dispose(dialer, "CALLBACK", callbackAt);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(callbackAt, Instant.parse(new ObjectMapper().readTree(ok.body()).get("callbackAt").asText()),
                    "inside the calling hours the callback keeps its time");
            assertEquals(callbackAt, lead(dialer).nextEligibleAt());

            assertEquals(0, customer.await(Duration.ofSeconds(40)), customer::diagnostics);
            List<SippTrace.Message> invites = customer.messages().stream()
                    .filter(m -> !m.sent() && m.isRequest("INVITE") && m.firstLine().contains("390299000501"))
                    .toList();
            assertEquals(2, invites.size(), invites.toString());
            Instant received = invites.get(1).at();
            LOG.info("callback INVITE reached the carrier {} ms after callbackAt",
                    Duration.between(callbackAt, received).toMillis());
            assertFalse(received.isBefore(callbackAt), "callback INVITE at " + received + ", due " + callbackAt);
            assertTrue(received.isBefore(callbackAt.plus(LATE_BOUND)),
                    "callback INVITE at " + received + ", due " + callbackAt + ": later than " + LATE_BOUND);

            TestDialer.await("agent in wrap-up after the callback", Duration.ofSeconds(10),
                    () -> dialer.agentState("1001") == AgentState.WRAP_UP);
            assertEquals(200, dispose(dialer, "SALE", null).statusCode());
            agent.close();
        }
    }

    @Test
    void callbackAfterTheHoursCloseIsDueAtTheirNextOpeningAndNotPlacedBefore() throws Exception {
        // Calling hours today only, until the next whole minute at least 15 s away: the first call is inside,
        // the asked callback falls after the close, and the next opening is a week later at midnight in Rome.
        ZonedDateTime start = ZonedDateTime.now(ROME);
        ZonedDateTime close = start.plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        assumeTrue(close.toLocalDate().equals(start.toLocalDate()), "too close to midnight in Rome");
        String day = start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
        String hours = "%s 00:00-%s".formatted(day, close.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
        Instant nextOpening = start.toLocalDate().plusDays(7).atTime(LocalTime.MIDNIGHT).atZone(ROME).toInstant();
        try (TestDialer dialer = admin(TestDialer.in(dir)).extra("dialer.profiles.it-test.calling-hours = [\""
                + hours + "\"]").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer phone = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 2,
                    Map.of("ring_ms", "300", "talk_ms", "1000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", phone.port(), 100_000);
            dialer.awaitCdrs(2, Duration.ofSeconds(30));
            TestDialer.await("agent in wrap-up", Duration.ofSeconds(10),
                    () -> dialer.agentState("1001") == AgentState.WRAP_UP);

            Instant callbackAt = close.toInstant().plusSeconds(2);
            HttpResponse<String> ok = dispose(dialer, "CALLBACK", callbackAt);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(nextOpening, Instant.parse(new ObjectMapper().readTree(ok.body()).get("callbackAt")
                    .asText()), "the API answers when the callback is due: " + ok.body());
            LeadState state = lead(dialer);
            assertEquals("CALLBACK", state.agentDisposition());
            assertFalse(state.done());
            assertEquals(nextOpening, state.nextEligibleAt(), "stored for the hours' next opening, " + hours);

            // Past the asked time (the hours closed): the carrier still saw only the first INVITE.
            TestDialer.await("the asked callback time passed", Duration.ofSeconds(90),
                    () -> Instant.now().isAfter(callbackAt.plusSeconds(3)));
            long invites = customer.messages().stream().filter(m -> !m.sent() && m.isRequest("INVITE")).count();
            assertEquals(1, invites, "no callback before the hours open");
            assertEquals(nextOpening, lead(dialer).nextEligibleAt());
            customer.close();
            agent.close();
        }
    }

    private static TestDialer.Builder admin(TestDialer.Builder builder) throws Exception {
        return builder.agent("1001", "pw-1001").leads(NUMBER).dialing(1.0).extra("""
                dialer.campaigns.it.wrap-up = 60 seconds
                dialer.admin { enabled = true, port = 0
                  tokens.floor { role = supervisor, sha256 = "%s" } }
                """.formatted(AdminTokens.sha256(SUPERVISOR)));
    }

    private static LeadState lead(TestDialer dialer) {
        return new JdbcLeadStateRepository(dialer.server.database()).load("it").values().stream()
                .filter(s -> NUMBER.equals(s.number())).findFirst()
                .orElseThrow(() -> new AssertionError("no state for lead " + NUMBER));
    }

    private static HttpResponse<String> dispose(TestDialer dialer, String code, Instant callbackAt)
            throws Exception {
        String body = callbackAt == null ? "{\"code\": \"" + code + "\"}"
                : "{\"code\": \"" + code + "\", \"callbackAt\": \"" + callbackAt + "\"}";
        URI uri = URI.create("http://127.0.0.1:" + dialer.server.admin().port() + "/api/agents/1001/disposition");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + SUPERVISOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
