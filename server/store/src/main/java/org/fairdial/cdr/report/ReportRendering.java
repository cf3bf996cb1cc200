package org.fairdial.cdr.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.compliance.OfcomAbandonRule;
import org.fairdial.compliance.WindowFigures;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A {@link ComplianceReport} as a printable table or as JSON. */
public final class ReportRendering {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Said of a campaign under profile custom: its values may be looser than any jurisdiction's built-in profile
     * (those can only be tightened), so the report must not read as a jurisdiction's.
     */
    static final String CUSTOM_NOTE = ": custom values, not a built-in jurisdiction profile";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Ofcom's machine estimate, between abandoned and rate. */
    private static final String MACHINE_COLUMNS = "%8s  %8s  %8s  ";

    private ReportRendering() {
    }

    /** Keeps the windows overlapping {@code [from, to)} (either may be null: open-ended). */
    public static ComplianceReport between(ComplianceReport report, Instant from, Instant to) {
        List<ComplianceReport.Section> sections = report.sections().stream().map(s -> new ComplianceReport.Section(
                s.formula(), s.rateCap(), s.redialLockout(), s.windows().stream()
                .filter(w -> (from == null || w.end().isAfter(from)) && (to == null || w.start().isBefore(to)))
                .toList())).toList();
        return new ComplianceReport(report.campaign(), report.profile(), report.generatedAt(), sections);
    }

    public static String text(ComplianceReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Compliance report, campaign ").append(report.campaign());
        if (report.profile() != null) {
            out.append(" (profile ").append(report.profile())
                    .append(JurisdictionProfile.isCustom(report.profile()) ? CUSTOM_NOTE : "").append(')');
        }
        out.append(", generated ").append(report.generatedAt()).append('\n');
        for (ComplianceReport.Section s : report.sections()) {
            out.append('\n').append(s.formula()).append(": abandon-rate cap ").append(percent(s.rateCap()))
                    .append(", redial lockout ").append(s.redialLockout().toHours()).append(" h")
                    .append(s.formula().cumulative() ? ", cumulative from the campaign's start" : "").append('\n');
            if (s.windows().isEmpty()) {
                out.append("  no calls in the period\n");
                continue;
            }
            boolean ofcom = s.formula() == Formula.UK_OFCOM_24H;
            if (ofcom) {
                out.append("  machines: answering machines agents reported; share: M / (M + L) once ")
                        .append(OfcomAbandonRule.MIN_SAMPLE).append(" calls were put through, else 0;")
                        .append(" ab. live: abandoned x (1 - share), the rate's D'\n");
            }
            out.append(String.format(Locale.ROOT, "  %-16s  %-16s  %-13s  %8s  %9s  " + (ofcom ? MACHINE_COLUMNS : "")
                    + "%7s  %11s  %7s  %s%n", headings(ofcom)));
            for (WindowFigures w : s.windows()) {
                ZoneId zone = ZoneId.of(w.zone());
                out.append(String.format(Locale.ROOT, "  %-16s  %-16s  %-13s  %8d  %9d  %s%7s  %11s  %7d  %s%s%n",
                        LOCAL.format(w.start().atZone(zone)), LOCAL.format(w.end().atZone(zone)), w.zone(),
                        w.answeredLive(), w.abandoned(), ofcom ? String.format(Locale.ROOT, "%8d  %8s  %8.2f  ",
                                w.machines(), percent(w.machineShare()), w.liveAbandoned()) : "",
                        percent(w.abandonRate()),
                        w.worstAbandonMs() == null ? "-" : String.format(Locale.ROOT, "%.3f",
                                w.worstAbandonMs() / 1000.0), w.redialsInLockout(),
                        w.compliant() ? "ok" : "OVER", w.closed() ? "" : " (open)"));
            }
        }
        out.append('\n').append(report.compliant() ? "All windows within the rules."
                : "NOT COMPLIANT in at least one window (OVER).").append('\n');
        return out.toString();
    }

    /**
     * The report as one JSON object: {@code campaign}, {@code profile} ({@code profile_custom: true} as well under
     * profile custom), {@code generated_at}, {@code compliant} and
     * {@code formulas}, each with its windows (docs/cdr.md). Times are ISO-8601 text, rates plain numbers.
     */
    public static String json(ComplianceReport report) {
        ObjectNode root = JSON.createObjectNode()
                .put("campaign", report.campaign())
                .put("profile", report.profile())
                .put("generated_at", report.generatedAt().toString())
                .put("compliant", report.compliant());
        if (JurisdictionProfile.isCustom(report.profile())) {
            root.put("profile_custom", true);
        }
        ArrayNode formulas = root.putArray("formulas");
        for (ComplianceReport.Section s : report.sections()) {
            ObjectNode section = formulas.addObject()
                    .put("formula", s.formula().name())
                    .put("profile", s.formula().profile())
                    .put("rate_cap", s.rateCap())
                    .put("redial_lockout_ms", s.redialLockout().toMillis())
                    .put("cumulative", s.formula().cumulative());
            ArrayNode windows = section.putArray("windows");
            for (WindowFigures w : s.windows()) {
                windows.addObject()
                        .put("start", w.start().toString())
                        .put("end", w.end().toString())
                        .put("zone", w.zone())
                        .put("answered_live", w.answeredLive())
                        .put("abandoned", w.abandoned())
                        .put("machines", w.machines())
                        .put("machine_share", w.machineShare())
                        .put("abandoned_counted_live", w.liveAbandoned())
                        .put("abandon_rate", w.abandonRate())
                        .put("rate_cap", w.rateCap())
                        .put("worst_abandon_ms", w.worstAbandonMs())
                        .put("abandon_cap_ms", w.abandonCapMs())
                        .put("redials_in_lockout", w.redialsInLockout())
                        .put("compliant", w.compliant())
                        .put("closed", w.closed())
                        .put("computed_at", w.computedAt().toString());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of text, numbers and booleans always serializes", e);
        }
    }

    private static Object[] headings(boolean ofcom) {
        return ofcom ? new Object[] {"from", "to", "zone", "answered", "abandoned", "machines", "share", "ab. live",
                "rate", "worst ab. s", "redials", "verdict"}
                : new Object[] {"from", "to", "zone", "answered", "abandoned", "rate", "worst ab. s", "redials",
                "verdict"};
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
