package org.fairdial.cdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a campaign that needs values looser than a built-in profile runs under profile custom, and its
 * compliance report says so in text and JSON; a built-in profile's report reads as before.
 */
class CustomProfileReportTest {
    private static final Instant AT = Instant.parse("2025-06-04T23:00:00Z");

    @Test
    void theTextNamesTheCustomProfileAsSuch() {
        String text = ReportRendering.text(new ComplianceReport("night", "custom", AT, List.of()));
        assertTrue(text.startsWith("Compliance report, campaign night (profile custom: custom values, not a built-in"
                + " jurisdiction profile), generated 2025-06-04T23:00:00Z\n"), text);
    }

    @Test
    void theJsonFlagsTheCustomProfile() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportRendering.json(
                new ComplianceReport("night", "custom", AT, List.of())));
        assertEquals("custom", json.get("profile").asText());
        assertTrue(json.get("profile_custom").asBoolean());
    }

    @Test
    void aBuiltInProfileReadsAsBefore() throws Exception {
        ComplianceReport report = new ComplianceReport("spring", "it-garante", AT, List.of());
        assertTrue(ReportRendering.text(report).startsWith("Compliance report, campaign spring (profile it-garante),"
                + " generated"), ReportRendering.text(report));
        assertFalse(new ObjectMapper().readTree(ReportRendering.json(report)).has("profile_custom"));
    }
}
