package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign view says why a running campaign dials nothing (issue 9's visible refusals): every lead on the
 * do-not-call list, added through the API before the campaign starts, shows as {@code idle} with the rule and no
 * next dial time; a paused campaign shows none. The agent is registered in the registry, not over SIP: no call
 * reaches it, the test is about the view.
 */
class CampaignIdleApiIT {
    private static final String[] LEADS = {"+390299000201", "+390299000202"};

    @Test
    @Timeout(60)
    void everyLeadRefusedShowsInTheCampaignViewWithTheRuleAndNoNextDial(@TempDir Path dir) throws Exception {
        try (AdminFixture dialer = AdminFixture.in(dir).leads(LEADS).start()) {
            for (String number : LEADS) {
                assertEquals(201, dialer.send("POST", "/api/dnc", AdminFixture.ADMIN,
                        "{\"number\": \"" + number + "\"}").statusCode());
            }
            // The pacer asks the gate about leads only with an agent to take the call; this one is never called.
            dialer.server.agents().registered("alice", "sip:alice@127.0.0.1:9", Instant.now().plusSeconds(120));
            JsonNode before = AdminFixture.json(dialer.get("/api/campaigns/it", AdminFixture.VIEWER));
            assertTrue(before.get("idle").isNull(), "not running: " + before);

            assertEquals(200, dialer.send("POST", "/api/campaigns/it/start", AdminFixture.SUPERVISOR, null)
                    .statusCode());
            JsonNode idle = awaitIdle(dialer);

            assertEquals("do-not-call", idle.get("rule").asText(), idle.toString());
            assertTrue(idle.get("reason").asText().startsWith("every lead was refused: do-not-call 2"),
                    idle.toString());
            assertTrue(idle.get("nextDialAt").isNull(), idle.toString());
            assertFalse(idle.toString().contains("299000201"), "no number in the viewer's view: " + idle);
            JsonNode list = AdminFixture.json(dialer.get("/api/campaigns", AdminFixture.VIEWER));
            assertEquals(idle, list.get(0).get("idle"));
            assertEquals(0, list.get(0).at("/stats/dialed").asInt());

            dialer.send("POST", "/api/campaigns/it/pause", AdminFixture.SUPERVISOR, null);
            Instant deadline = Instant.now().plusSeconds(5);
            JsonNode paused;
            do {
                paused = AdminFixture.json(dialer.get("/api/campaigns/it", AdminFixture.VIEWER));
            } while (paused.get("running").asBoolean() && Instant.now().isBefore(deadline));
            assertTrue(paused.get("idle").isNull(), paused.toString());
        }
    }

    private static JsonNode awaitIdle(AdminFixture dialer) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            JsonNode view = AdminFixture.json(dialer.get("/api/campaigns/it", AdminFixture.VIEWER));
            if (!view.get("idle").isNull() || Instant.now().isAfter(deadline)) {
                return view.get("idle");
            }
            Thread.sleep(100);
        }
    }
}
