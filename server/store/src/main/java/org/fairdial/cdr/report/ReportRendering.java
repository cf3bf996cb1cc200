package org.fairdial.cdr.report;

import org.fairdial.compliance.WindowFigures;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.fairdial.cdr.export.Text;

/** A {@link ComplianceReport} as a printable table or as JSON. */
public final class ReportRendering {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
            out.append(" (profile ").append(report.profile()).append(')');
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
            out.append(String.format(Locale.ROOT, "  %-16s  %-16s  %-13s  %8s  %9s  %7s  %11s  %7s  %s%n",
                    "from", "to", "zone", "answered", "abandoned", "rate", "worst ab. s", "redials",
                    "verdict"));
            for (WindowFigures w : s.windows()) {
                ZoneId zone = ZoneId.of(w.zone());
                out.append(String.format(Locale.ROOT, "  %-16s  %-16s  %-13s  %8d  %9d  %7s  %11s  %7d  %s%s%n",
                        LOCAL.format(w.start().atZone(zone)), LOCAL.format(w.end().atZone(zone)), w.zone(),
                        w.answeredLive(), w.abandoned(), percent(w.abandonRate()),
                        w.worstAbandonMs() == null ? "-" : String.format(Locale.ROOT, "%.3f",
                                w.worstAbandonMs() / 1000.0), w.redialsInLockout(),
                        w.compliant() ? "ok" : "OVER", w.closed() ? "" : " (open)"));
            }
        }
        out.append('\n').append(report.compliant() ? "All windows within the rules."
                : "NOT COMPLIANT in at least one window (OVER).").append('\n');
        return out.toString();
    }

    public static String json(ComplianceReport report) {
        StringJoiner sections = new StringJoiner(",", "[", "]");
        for (ComplianceReport.Section s : report.sections()) {
            StringJoiner windows = new StringJoiner(",", "[", "]");
            for (WindowFigures w : s.windows()) {
                windows.add("{\"start\":" + Text.json(w.start().toString()) + ",\"end\":" + Text.json(w.end()
                        .toString()) + ",\"zone\":" + Text.json(w.zone()) + ",\"answered_live\":" + w.answeredLive()
                        + ",\"abandoned\":" + w.abandoned() + ",\"abandon_rate\":" + w.abandonRate()
                        + ",\"rate_cap\":" + w.rateCap() + ",\"worst_abandon_ms\":" + w.worstAbandonMs()
                        + ",\"abandon_cap_ms\":" + w.abandonCapMs() + ",\"redials_in_lockout\":"
                        + w.redialsInLockout() + ",\"compliant\":" + w.compliant() + ",\"closed\":" + w.closed()
                        + ",\"computed_at\":" + Text.json(w.computedAt().toString()) + "}");
            }
            sections.add("{\"formula\":" + Text.json(s.formula().name()) + ",\"profile\":"
                    + Text.json(s.formula().profile()) + ",\"rate_cap\":" + s.rateCap()
                    + ",\"redial_lockout_ms\":" + s.redialLockout().toMillis() + ",\"cumulative\":"
                    + s.formula().cumulative() + ",\"windows\":" + windows + "}");
        }
        return "{\"campaign\":" + Text.json(report.campaign()) + ",\"profile\":" + Text.json(report.profile())
                + ",\"generated_at\":" + Text.json(report.generatedAt().toString()) + ",\"compliant\":"
                + report.compliant() + ",\"formulas\":" + sections + "}";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
