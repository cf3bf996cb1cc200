package org.fairdial.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of each profile's regulatory windows: the live pacer ({@link AbandonRules}), the accountant's
 * restart replay, {@code /metrics}, the API's campaign stats and {@code report compliance} all take their windows
 * from {@link #window}, so a report cannot show a period the pacer never saw. docs/compliance.md explains each
 * reading of the regulation.
 *
 * <ul>
 *   <li>{@link Formula#UK_OFCOM_24H}: Ofcom, Persistent misuse statement of policy (2016), annex 3 and A1.14:
 *   abandoned calls at most 3 % of live calls per campaign over any 24-hour period, which Ofcom reads as midnight
 *   to midnight: calendar days in Europe/London, so 23 h and 25 h long on the clock-change days.</li>
 *   <li>{@link Formula#US_TSR_30_DAY}: FTC Telemarketing Sales Rule, 16 CFR 310.4(b)(4)(i): at most 3 % of calls
 *   answered by a person, per campaign, "measured over a 30-day period": consecutive 30 x 24 h periods from the
 *   campaign's {@link CampaignEpoch}.</li>
 *   <li>{@link Formula#IT_GARANTE_CUMULATIVE}: Garante, provv. n. 83 of 20 February 2014 (GU n. 79, 4 April 2014):
 *   at most 3 abandoned ("silent") calls per 100 answered, per single campaign; the provision fixes no shorter
 *   period, so the rate is the campaign's from its {@link CampaignEpoch} on. The report prints it at the end of
 *   each Italian day.</li>
 * </ul>
 * In every formula a call counts in the window holding its answer time, and the rate is abandoned / answered
 * live, where answered live counts the calls a person answered: those put through to an agent and those abandoned.
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

    /** Midnight (in {@code zone}) starting the day of {@code firstCall}. */
    public static Instant anchor(Instant firstCall, ZoneId zone) {
        return firstCall.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /**
     * The window {@code formula} measures a campaign over. {@code epoch} is the campaign's {@link CampaignEpoch}
     * (the US periods and the Italian campaign count from it); {@code zone} the zone of Ofcom's days.
     */
    public static AbandonWindow window(Formula formula, Instant epoch, ZoneId zone) {
        return switch (formula) {
            case UK_OFCOM_24H -> new AbandonWindow.CalendarDay(zone);
            case US_TSR_30_DAY -> new AbandonWindow.Periods(epoch, TsrAbandonRule.PERIOD);
            case IT_GARANTE_CUMULATIVE -> new AbandonWindow.Campaign(epoch);
        };
    }

    /**
     * The report's rows of {@code formula} from {@code epoch} up to the one containing {@code until}: each period
     * of its {@link #window}; for the cumulative campaign window, one row per day of {@code zone}, each from the
     * epoch to that day's end.
     */
    public static List<Window> windows(Formula formula, Instant epoch, Instant until, ZoneId zone) {
        AbandonWindow window = window(formula, epoch, zone);
        AbandonWindow step = formula.cumulative() ? new AbandonWindow.CalendarDay(zone) : window;
        List<Window> windows = new ArrayList<>();
        Instant from = epoch;
        while (!from.isAfter(until)) {
            Instant end = step.end(from);
            Instant start = formula.cumulative() ? epoch : step.start(from);
            windows.add(new Window(start, formula.cumulative() ? from : start, end));
            from = end;
        }
        return windows;
    }

    /**
     * The rate of a window as {@code formula}'s rule computes it for the pacer: Ofcom's machine-adjusted
     * {@link OfcomAbandonRule#rateOf}, else {@link #rate(long, long)}.
     */
    public static double rate(Formula formula, AbandonCounts c) {
        return formula == Formula.UK_OFCOM_24H ? OfcomAbandonRule.rateOf(c) : rate(c.abandoned(), c.live());
    }

    /** Abandoned over answered live; 0 when nothing was answered. */
    public static double rate(long abandoned, long answeredLive) {
        return answeredLive == 0 ? 0 : (double) abandoned / answeredLive;
    }
}
