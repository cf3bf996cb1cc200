package org.fairdial.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The regulatory windows over which an abandon rate is measured, and the rate itself. All window arithmetic of
 * the CDR reports is here and nowhere else, so it can be replaced by the shared compliance implementation.
 *
 * <ul>
 *   <li>{@link Formula#UK_OFCOM_24H}: Ofcom's persistent-misuse policy (2016 statement): abandoned calls at most 3 % of
 *   live calls per campaign "over any 24-hour period", taken midnight to midnight, UK time.</li>
 *   <li>{@link Formula#US_TSR_30_DAY}: FTC Telemarketing Sales Rule, 16 CFR 310.4(b)(4)(i): at most 3 % of calls
 *   answered by a person, per campaign, "measured over a 30-day period": consecutive 30-day periods from midnight
 *   of the campaign's first call.</li>
 *   <li>{@link Formula#IT_GARANTE_CUMULATIVE}: Garante, provvedimento 20 February 2014: at most 3 abandoned ("silent")
 *   calls per 100 answered, per campaign, counted over the campaign so far; one window per day, each from the
 *   campaign's start to that day's end (Italian time).</li>
 * </ul>
 * In every formula the rate is abandoned / answered live, where answered live counts the calls a person answered:
 * those put through to an agent and those abandoned.
 */
public final class ComplianceWindows {

    /** A regulator's way of measuring the abandon rate. */
    public enum Formula {
        UK_OFCOM_24H("uk-ofcom", "Europe/London", false),
        US_TSR_30_DAY("us-tsr", "UTC", false),
        IT_GARANTE_CUMULATIVE("it-garante", "Europe/Rome", true);

        private final String profile;
        private final ZoneId zone;
        private final boolean cumulative;

        Formula(String profile, String zone, boolean cumulative) {
            this.profile = profile;
            this.zone = ZoneId.of(zone);
            this.cumulative = cumulative;
        }

        /** The jurisdiction profile (dialer.profiles) whose rate cap and redial lockout apply. */
        public String profile() {
            return profile;
        }

        /** The time zone its midnights are taken in, unless the report asks for another. */
        public ZoneId zone() {
            return zone;
        }

        /** True when each window runs from the campaign's start (its figures add up day after day). */
        public boolean cumulative() {
            return cumulative;
        }

        /** The formula of a profile name, or null. */
        public static Formula ofProfile(String profile) {
            for (Formula f : values()) {
                if (f.profile.equals(profile)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * One window {@code [start, end)}. For a cumulative formula, {@code stepStart} is where the part new to this
     * window begins (the previous window's end); otherwise it equals {@code start}.
     */
    public record Window(Instant start, Instant stepStart, Instant end) {
    }

    private ComplianceWindows() {
    }

    /** Midnight (in {@code zone}) starting the day of the campaign's first call: where its windows begin. */
    public static Instant anchor(Instant firstCall, ZoneId zone) {
        return firstCall.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The windows of {@code formula} from {@code anchor} up to the one containing {@code until}. */
    public static List<Window> windows(Formula formula, Instant anchor, Instant until, ZoneId zone) {
        List<Window> windows = new ArrayList<>();
        ZonedDateTime start = anchor.atZone(zone);
        while (!start.toInstant().isAfter(until)) {
            ZonedDateTime end = formula == Formula.US_TSR_30_DAY ? start.plusDays(30) : start.plusDays(1);
            Instant windowStart = formula.cumulative() ? anchor : start.toInstant();
            windows.add(new Window(windowStart, start.toInstant(), end.toInstant()));
            start = end;
        }
        return windows;
    }

    /** Abandoned over answered live; 0 when nothing was answered. */
    public static double rate(long abandoned, long answeredLive) {
        return answeredLive == 0 ? 0 : (double) abandoned / answeredLive;
    }
}
