package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fairdial.cdr.Disposition;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real dialer with encryption at rest on (keys from the environment, app/pom.xml): the CDR export and query
 * give the callee's numbers only to the admin role, masked to supervisors and viewers, and each decrypted read is
 * in the audit trail with who made it and what it covered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptedCdrExportIT {
    private static final String ENCRYPTION = """
            dialer.privacy.encryption {
              enabled = true
              keys { k1 = FAIRDIAL_TEST_DATA_KEY_1 }
              current-key-id = k1
              index-key-env = FAIRDIAL_TEST_INDEX_KEY
            }
            """;
    /** TestLegs' callee. */
    private static final String NUMBER = "+442079460018";

    private AdminFixture dialer;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Instant recent = Instant.now().minus(Duration.ofMinutes(10));
        dialer = AdminFixture.in(dir).extra(ENCRYPTION).seed(List.of(
                TestLegs.customer("it", Disposition.ANSWERED, recent),
                TestLegs.customer("it", Disposition.ABANDONED, recent.plusSeconds(60)))).start();
    }

    @AfterAll
    void stop() {
        dialer.close();
    }

    @Test
    void onlyAdminsGetNumbersAndTheirExportIsAudited() throws Exception {
        for (String token : List.of(AdminFixture.VIEWER, AdminFixture.SUPERVISOR)) {
            HttpResponse<String> masked = dialer.get("/api/cdrs/export?format=csv&campaign=it", token);
            assertEquals(200, masked.statusCode(), masked.body());
            assertEquals(3, masked.body().lines().count(), masked.body());
            assertFalse(masked.body().contains("2079460018"), masked.body());
            assertTrue(masked.body().contains("***0018"), masked.body());
            JsonNode query = AdminFixture.json(dialer.get("/api/cdrs?campaign=it", token));
            assertEquals("***0018", query.at("/legs/0/normalizedNumber").asText());
        }
        assertTrue(audit("/api/cdrs").isEmpty(), "masked reads decrypt nothing and are not audited");

        HttpResponse<String> full = dialer.get("/api/cdrs/export?format=jsonl&campaign=it", AdminFixture.ADMIN);
        assertEquals(200, full.statusCode(), full.body());
        assertEquals(2, full.body().lines().count());
        assertTrue(full.body().contains("\"normalized_number\":\"" + NUMBER + "\""), full.body());
        JsonNode query = AdminFixture.json(dialer.get("/api/cdrs?campaign=it&number=%2B442079460018",
                AdminFixture.ADMIN));
        assertEquals(2, query.get("count").asInt(), "found by number through the blind index");
        assertEquals(NUMBER, query.at("/legs/0/normalizedNumber").asText());

        List<JsonNode> rows = audit("/api/cdrs");
        assertEquals(2, rows.size(), rows.toString());
        JsonNode export = rows.stream().filter(r -> r.get("action").asText().startsWith("GET /api/cdrs/export"))
                .findFirst().orElseThrow();
        assertEquals("ops", export.get("actor").asText());
        assertEquals("admin", export.get("role").asText());
        assertTrue(export.get("detail").asText().startsWith("cdr export JSONL ["), export.toString());
        assertTrue(export.get("detail").asText().endsWith("campaign it: 2 leg(s) decrypted"), export.toString());
    }

    @Test
    void aBadFormatIsRefused() throws Exception {
        HttpResponse<String> bad = dialer.get("/api/cdrs/export?format=xml", AdminFixture.ADMIN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("format"), bad.body());
    }

    private List<JsonNode> audit(String pathPrefix) throws Exception {
        JsonNode all = AdminFixture.json(dialer.get("/api/audit?limit=100", AdminFixture.ADMIN));
        java.util.ArrayList<JsonNode> rows = new java.util.ArrayList<>();
        all.forEach(r -> {
            if (r.get("action").asText().startsWith("GET " + pathPrefix)) {
                rows.add(r);
            }
        });
        return rows;
    }
}
