package org.fairdial.admin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.export.CdrExporter;
import org.fairdial.cdr.export.ExportFormat;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.ports.CampaignCounts;
import org.fairdial.privacy.NumberMask;

/**
 * {@code GET /api/cdrs}: CDR legs by time range (default: the last 24 hours), campaign and number, newest first
 * and bounded by {@code dialer.admin.cdr.max-rows}; {@code GET /api/stats/answered}: answered and abandoned calls
 * per minute over the last hour, the wallboard's chart; {@code GET /api/cdrs/export}: the legs of a period as
 * {@code dialer cdr export} writes them (csv, jsonl, asterisk-csv), at most {@code dialer.admin.cdr.max-rows}.
 * Who sees the callee's numbers: supervisors and admins; with encryption at rest on, admins only, and each
 * decrypted query or export is written to the audit trail (who, what range, how many legs).
 */
final class CdrResource {
    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    private static final int CHART_MINUTES = 60;

    private final AdminContext dialer;
    private final AuditLog audit;

    CdrResource(AdminContext dialer, AuditLog audit) {
        this.dialer = dialer;
        this.audit = audit;
    }

    void register(Router router) {
        router.add("GET", "/api/cdrs", Role.VIEWER, this::query)
                .add("GET", "/api/cdrs/export", Role.VIEWER, this::export)
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
        boolean full = seesNumbers(r.principal());
        if (full && encrypted()) {
            auditDecrypted(r, "cdr query [" + from + ", " + to + ")" + (campaign == null ? "" : " campaign "
                    + campaign) + (number == null ? "" : " by number") + ": " + legs.size() + " leg(s) decrypted");
        }
        return ApiResponse.ok(Json.object("from", from, "to", to, "limit", limit, "count", legs.size(),
                "legs", legs.stream().map(l -> Views.cdr(l, full, dialer.numberMask())).toList()));
    }

    private ApiResponse export(ApiRequest r) {
        Instant now = dialer.clock().instant();
        Instant to = instant(r, "to", now);
        Instant from = instant(r, "from", to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from", "must be before to (" + to + ")");
        }
        String campaign = blankToNull(r.query("campaign"));
        String name = blankToNull(r.query("format"));
        ExportFormat format;
        try {
            format = ExportFormat.valueOf((name == null ? "csv" : name).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("format", "must be csv, jsonl or asterisk-csv, was '" + name + "'");
        }
        int maxRows = dialer.config().admin().cdrMaxRows();
        boolean full = seesNumbers(r.principal());
        NumberMask mask = dialer.numberMask();
        int[] rows = {0};
        StringWriter out = new StringWriter();
        try {
            new CdrExporter(dialer.cdrs()).export(from, to, campaign, format, out, leg -> {
                if (++rows[0] > maxRows) {
                    throw ApiException.badRequest("from", "the period holds more than dialer.admin.cdr.max-rows ("
                            + maxRows + ") legs: narrow it, or use `dialer cdr export` on the server");
                }
                return full ? leg : Views.masked(leg, mask);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        if (full && encrypted()) {
            auditDecrypted(r, "cdr export " + format + " [" + from + ", " + to + ")"
                    + (campaign == null ? "" : " campaign " + campaign) + ": " + rows[0] + " leg(s) decrypted");
        }
        return ApiResponse.text(200, format == ExportFormat.JSONL ? "application/x-ndjson; charset=utf-8"
                : "text/csv; charset=utf-8", out.toString());
    }

    private boolean encrypted() {
        return dialer.cdrs().personalData().enabled();
    }

    /** With encryption at rest on, only admins see the numbers it protects; else supervisors too, as always. */
    private boolean seesNumbers(Principal who) {
        return encrypted() ? who.role().covers(Role.ADMIN) : who.seesNumbers();
    }

    /** A GET is not audited by the handler; a read that decrypted numbers is, naming who and what. */
    private void auditDecrypted(ApiRequest r, String what) {
        audit.record(r.principal(), r.method(), r.path(), 200, null, new ApiResponse.Audit(what, what));
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
