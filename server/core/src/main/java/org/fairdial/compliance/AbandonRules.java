package org.fairdial.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.fairdial.compliance.ComplianceWindows.Formula;

/** Builds the abandon-rate rule a jurisdiction profile names. */
public final class AbandonRules {
    /** Zone of Ofcom's midnight-to-midnight day. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private AbandonRules() {
    }

    /**
     * The rule of {@code profile}, measured for a campaign whose windows count from {@code campaignStart} (its
     * {@link CampaignEpoch} in the dialer; the windows themselves are {@link ComplianceWindows#window}'s). {@code zone} is
     * the callees' zone, used by day windows of {@code custom} (and by {@code uk-ofcom} when it is a UK zone;
     * otherwise Ofcom's day is taken in Europe/London). Unknown names get the strictest rule.
     */
    public static AbandonRule forProfile(JurisdictionProfile profile, ZoneId zone, Instant campaignStart) {
        return forProfile(profile.name(), profile.abandonRateCap(), zone, campaignStart);
    }

    /** As {@link #forProfile(JurisdictionProfile, ZoneId, Instant)}, from the profile's name and cap. */
    public static AbandonRule forProfile(String name, double cap, ZoneId zone, Instant campaignStart) {
        Objects.requireNonNull(zone);
        Objects.requireNonNull(campaignStart);
        return switch (name) {
            case "it-garante" -> new GaranteAbandonRule(cap, List.of(ComplianceWindows.window(
                    Formula.IT_GARANTE_CUMULATIVE, campaignStart, zone)));
            case "uk-ofcom" -> new OfcomAbandonRule(cap, List.of(ComplianceWindows.window(Formula.UK_OFCOM_24H,
                    campaignStart, ukZone(zone))));
            case "us-tsr" -> new TsrAbandonRule(cap, List.of(ComplianceWindows.window(Formula.US_TSR_30_DAY,
                    campaignStart, zone)));
            default -> new StrictestAbandonRule(name, cap, zone, campaignStart);
        };
    }

    /** The zone of Ofcom's days for callees in {@code zone}: theirs when it is a UK zone, else Europe/London. */
    public static ZoneId ukZone(ZoneId zone) {
        return isUk(zone) ? zone : UK;
    }

    private static boolean isUk(ZoneId zone) {
        return zone.getId().equals("Europe/London") || zone.getId().equals("Europe/Belfast")
                || zone.getId().equals("GB");
    }

    static double checkCap(double cap) {
        if (!(cap > 0 && cap < 1)) {
            throw new IllegalArgumentException("abandon-rate cap must be above 0 and below 1: " + cap);
        }
        return cap;
    }
}
