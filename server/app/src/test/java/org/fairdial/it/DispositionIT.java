package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.fairdial.agent.AgentState;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.ports.LeadState;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Agents' dispositions over real SIP (issue 9): a SIPp agent in wrap-up dials {@code *74} (DNC, the fourth code)
 * and the call's CDR legs, the lead's state and the internal do-not-call list show it; the next call is disposed
 * of through {@code POST /api/agents/{agent}/disposition} as CALLBACK (200 with its effects), and asking again is
 * a 409. Wrap-up is long, so only a disposition frees the agent for the next call.
 */
@Timeout(120)
class DispositionIT extends SippCalls {
    private static final String SUPERVISOR = "supervisor-token-0123456789";
    private static final String FIRST = "+390299000401";
    private static final String SECOND = "+390299000402";

    @Test
    void featureCodeAndApiDispositionsReachTheCdrTheLeadAndTheDoNotCallList() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads(FIRST, SECOND).dialing(1.0)
                .extra("""
                        dialer.campaigns.it.wrap-up = 60 seconds
                        dialer.admin { enabled = true, port = 0
                          tokens.floor { role = supervisor, sha256 = "%s" } }
                        """.formatted(AdminTokens.sha256(SUPERVISOR))).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer phone = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 2,
                    Map.of("ring_ms", "300", "talk_ms", "1500", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", phone.port(), 40_000);

            CdrLeg first = SippSupport.leg(dialer.awaitCdrs(2, Duration.ofSeconds(30)), LegKind.CUSTOMER);
            assertEquals(FIRST, first.normalizedNumber());
            TestDialer.await("agent in wrap-up", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") == AgentState.WRAP_UP);
            dialFeatureCode(dialer, "*74", phone);

            TestDialer.await("DNC in the CDR", Duration.ofSeconds(5),
                    () -> "DNC".equals(dialer.server.cdrs().dispositionOf(first.callId())));
            LeadState firstState = lead(dialer, FIRST);
            assertEquals("DNC", firstState.agentDisposition());
            assertTrue(firstState.done(), "a DNC ends the lead");
            assertEquals("internal", dialer.server.doNotCall().matchAny(FIRST));

            List<CdrLeg> all = dialer.awaitCdrs(4, Duration.ofSeconds(30));
            CdrLeg second = all.stream().filter(l -> l.kind() == LegKind.CUSTOMER && SECOND.equals(
                    l.normalizedNumber())).findFirst().orElseThrow(() -> new AssertionError(all.toString()));
            TestDialer.await("agent in wrap-up again", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") == AgentState.WRAP_UP);
            Instant callbackAt = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> ok = post(dialer, "/api/agents/1001/disposition",
                    "{\"code\": \"CALLBACK\", \"callbackAt\": \"" + callbackAt + "\"}");

            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode result = new ObjectMapper().readTree(ok.body());
            assertTrue(result.get("recorded").asBoolean(), ok.body());
            assertEquals("it", result.get("campaign").asText());
            assertEquals("CALLBACK", result.get("code").asText());
            assertEquals(callbackAt, Instant.parse(result.get("callbackAt").asText()));
            TestDialer.await("CALLBACK in the CDR", Duration.ofSeconds(5),
                    () -> "CALLBACK".equals(dialer.server.cdrs().dispositionOf(second.callId())));
            LeadState secondState = lead(dialer, SECOND);
            assertEquals("CALLBACK", secondState.agentDisposition());
            assertFalse(secondState.done(), "a callback keeps the lead");
            assertEquals(callbackAt, secondState.nextEligibleAt());
            assertEquals(null, dialer.server.doNotCall().matchAny(SECOND));
            assertEquals(AgentState.AVAILABLE, dialer.agentState("1001"), "the disposition ended wrap-up");

            HttpResponse<String> again = post(dialer, "/api/agents/1001/disposition", "{\"code\": \"SALE\"}");
            assertEquals(409, again.statusCode(), again.body());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            agent.close();
        }
    }

    private void dialFeatureCode(TestDialer dialer, String code, RtpPeer phone) throws Exception {
        Sipp sipp = Sipp.start(dir, "code" + code.substring(1), "agent-feature-code.xml",
                Map.of("agent", "1001", "code", code, "media_port", Integer.toString(phone.port())),
                Duration.ofSeconds(30), "127.0.0.1:" + dialer.sipPort, "-i", "127.0.0.1", "-p",
                Integer.toString(TestDialer.freePort()), "-m", "1", "-au", "1001", "-ap", "pw-1001");
        assertEquals(0, sipp.await(Duration.ofSeconds(30)), sipp::diagnostics);
    }

    private static LeadState lead(TestDialer dialer, String number) {
        return new JdbcLeadStateRepository(dialer.server.database()).load("it").values().stream()
                .filter(s -> number.equals(s.number())).findFirst()
                .orElseThrow(() -> new AssertionError("no state for lead " + number));
    }

    private static HttpResponse<String> post(TestDialer dialer, String path, String body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + dialer.server.admin().port() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + SUPERVISOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
