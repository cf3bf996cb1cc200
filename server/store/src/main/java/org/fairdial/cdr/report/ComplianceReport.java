package org.fairdial.cdr.report;

import org.fairdial.compliance.WindowFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fairdial.compliance.ComplianceWindows.Formula;

/**
 * A campaign's compliance report: per formula, the windows asked for.
 *
 * @param campaign    campaign name
 * @param profile     the campaign's own profile (from the configuration), or null when it is no longer configured
 * @param generatedAt when it was computed
 * @param sections    one per formula
 */
public record ComplianceReport(String campaign, String profile, Instant generatedAt, List<Section> sections) {

    /**
     * The windows of one formula.
     *
     * @param formula       the formula
     * @param rateCap       the abandon-rate cap of its profile
     * @param redialLockout the redial lockout of its profile
     * @param windows       the windows, oldest first
     */
    public record Section(Formula formula, double rateCap, Duration redialLockout, List<WindowFigures> windows) {
    }

    /** True when every window shown is compliant. */
    public boolean compliant() {
        return sections.stream().allMatch(s -> s.windows().stream().allMatch(WindowFigures::compliant));
    }
}
