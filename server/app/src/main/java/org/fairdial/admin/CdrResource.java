package org.fairdial.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.ports.CampaignCounts;

/**
 * {@code GET /api/cdrs}: CDR legs by time range (default: the last 24 hours), campaign and number, newest first
 * and bounded by {@code dialer.admin.cdr.max-rows}; {@code GET /api/stats/answered}: answered and abandoned calls
 * per minute over the last hour, the wallboard's chart.
 */
final class CdrResource {
    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    private static final int CHART_MINUTES = 60;

    private final AdminContext dialer;

    CdrResource(AdminContext dialer) {
        this.dialer = dialer;
    }

    void register(Router router) {
        router.add("GET", "/api/cdrs", Role.VIEWER, this::query)
                .add("GET", "/api/stats/answered", Role.VIEWER, r -> ApiResponse.ok(lastHour()));
    }

    private ApiResponse query(ApiRequest r) {
        Instant now = dialer.clock().instant();
        Instant to = instant(r, "to", now);
        Instant from = instant(r, "from", to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from", "must be before to (" + to + ")");
        }
        int maxRows = dialer.config().admin().cdrMaxRows();
        int limit = r.intQuery("limit", Math.min(100, maxRows), 1, maxRows);
        String campaign = blankToNull(r.query("campaign"));
        String number = blankToNull(r.query("number"));
        List<CdrLeg> legs = dialer.cdrs().find(from, to, campaign, number, limit);
        boolean full = r.principal().seesNumbers();
        return ApiResponse.ok(Json.object("from", from, "to", to, "limit", limit, "count", legs.size(),
                "legs", legs.stream().map(l -> Views.cdr(l, full, dialer.numberMask())).toList()));
    }

    /** Sixty one-minute buckets ending with the current minute, oldest first, empty minutes included. */
    private Map<String, Object> lastHour() {
        Instant current = dialer.clock().instant().truncatedTo(ChronoUnit.MINUTES);
        Instant first = current.minus(CHART_MINUTES - 1, ChronoUnit.MINUTES);
        SortedMap<Instant, CampaignCounts> counts = dialer.cdrs().answeredByMinute(first);
        List<Map<String, Object>> minutes = new ArrayList<>(CHART_MINUTES);
        for (int i = 0; i < CHART_MINUTES; i++) {
            Instant minute = first.plus(i, ChronoUnit.MINUTES);
            CampaignCounts c = counts.getOrDefault(minute, new CampaignCounts(0, 0));
            minutes.add(Json.object("minute", minute, "answered", c.answered(), "abandoned", c.abandoned()));
        }
        return Json.object("minutes", minutes);
    }

    private static Instant instant(ApiRequest r, String name, Instant fallback) {
        String raw = blankToNull(r.query(name));
        if (raw == null) {
            return fallback;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 UTC instant such as 2025-03-01T09:00:00Z, was '"
                    + raw + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
