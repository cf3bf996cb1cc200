package org.fairdial.compliance;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When calls are allowed in the callee's local time, per day of the week, to the minute. Written as lines such as
 * {@code "mon-fri 09:00-20:00"}, {@code "sat 10:00-13:00 14:00-19:00"} or {@code "eve 10:00-19:00"}; {@code eve}
 * narrows the day before a holiday (Italy's "prefestivi"). A window ends before its end minute, {@code 24:00} is
 * the end of the day, and a window never crosses midnight: write the two days' parts on their own.
 */
public final class WeeklyHours {
    private static final int DAY = 24 * 60;
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private final BitSet[] days;
    private final BitSet eve;
    private final List<String> spec;

    private WeeklyHours(BitSet[] days, BitSet eve, List<String> spec) {
        this.days = days;
        this.eve = eve;
        this.spec = List.copyOf(spec);
    }

    /** Every minute of every day. */
    public static WeeklyHours always() {
        return parse(List.of("mon-sun 00:00-24:00"));
    }

    /**
     * Parses the lines.
     *
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static WeeklyHours parse(List<String> lines) {
        BitSet[] days = new BitSet[7];
        for (int i = 0; i < 7; i++) {
            days[i] = new BitSet(DAY);
        }
        BitSet eve = null;
        for (String line : lines) {
            String[] parts = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (parts.length < 2) {
                throw new IllegalArgumentException("'" + line + "' needs days and at least one window, e.g. "
                        + "\"mon-fri 09:00-20:00\"");
            }
            BitSet minutes = new BitSet(DAY);
            for (int i = 1; i < parts.length; i++) {
                window(line, parts[i], minutes);
            }
            if (parts[0].equals("eve")) {
                eve = eve == null ? minutes : or(eve, minutes);
            } else {
                for (DayOfWeek d : dayList(line, parts[0])) {
                    days[d.ordinal()].or(minutes);
                }
            }
        }
        return new WeeklyHours(days, eve, lines);
    }

    /** True if calls are allowed at {@code minuteOfDay} of {@code day}; {@code holidayEve} applies the eve rule. */
    public boolean allows(DayOfWeek day, int minuteOfDay, boolean holidayEve) {
        return effective(day, holidayEve).get(minuteOfDay);
    }

    /** The first allowed minute at or after {@code fromMinute} that day, or -1. */
    int nextAllowedMinute(DayOfWeek day, int fromMinute, boolean holidayEve) {
        return effective(day, holidayEve).nextSetBit(fromMinute);
    }

    /** The first minute at or after {@code fromMinute} that day that is not allowed, or 1440. */
    int nextClosedMinute(DayOfWeek day, int fromMinute, boolean holidayEve) {
        int m = effective(day, holidayEve).nextClearBit(fromMinute);
        return Math.min(m, DAY);
    }

    /** True if no minute of the week is allowed. */
    public boolean isEmpty() {
        for (BitSet d : days) {
            if (!d.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The windows (as {@code "mon 21:00-22:00"}) this allows and {@code outer} does not, on ordinary days and on
     * holiday eves; empty when this is at least as strict.
     */
    public List<String> beyond(WeeklyHours outer) {
        List<String> extra = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            for (boolean eveDay : new boolean[] {false, true}) {
                BitSet more = (BitSet) effective(d, eveDay).clone();
                more.andNot(outer.effective(d, eveDay));
                if (!more.isEmpty()) {
                    String label = d.name().substring(0, 3).toLowerCase(Locale.ROOT) + (eveDay ? " (eve)" : "");
                    extra.add(label + " " + describe(more));
                    break;
                }
            }
        }
        return extra;
    }

    private BitSet effective(DayOfWeek day, boolean holidayEve) {
        BitSet base = days[day.ordinal()];
        if (!holidayEve || eve == null) {
            return base;
        }
        BitSet narrowed = (BitSet) base.clone();
        narrowed.and(eve);
        return narrowed;
    }

    private static String describe(BitSet minutes) {
        StringBuilder s = new StringBuilder();
        for (int start = minutes.nextSetBit(0); start >= 0; start = minutes.nextSetBit(start)) {
            int end = Math.min(minutes.nextClearBit(start), DAY);
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(hhmm(start)).append('-').append(hhmm(end));
            start = end;
        }
        return s.toString();
    }

    static String hhmm(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private static void window(String line, String text, BitSet into) {
        String[] ends = text.split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("'" + line + "': '" + text + "' is not a window such as 09:00-20:00");
        }
        int from = minute(line, ends[0]);
        int to = minute(line, ends[1]);
        if (from >= to) {
            throw new IllegalArgumentException("'" + line + "': window " + text
                    + " ends before it starts; a window cannot cross midnight, give each day its part");
        }
        into.set(from, to);
    }

    private static int minute(String line, String text) {
        if (text.equals("24:00")) {
            return DAY;
        }
        try {
            LocalTime t = LocalTime.parse(text.length() == 4 ? "0" + text : text);
            if (t.getSecond() != 0) {
                throw new IllegalArgumentException("'" + line + "': " + text + " must be whole minutes");
            }
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + line + "': '" + text + "' is not a time such as 09:00");
        }
    }

    private static List<DayOfWeek> dayList(String line, String text) {
        List<DayOfWeek> result = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] range = item.split("-");
            DayOfWeek first = day(line, range[0]);
            DayOfWeek last = range.length == 2 ? day(line, range[1]) : first;
            if (range.length > 2) {
                throw new IllegalArgumentException("'" + line + "': '" + item + "' is not a day range such as mon-fri");
            }
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                result.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return result;
    }

    private static DayOfWeek day(String line, String text) {
        DayOfWeek d = DAYS.get(text);
        if (d == null) {
            throw new IllegalArgumentException("'" + line + "': '" + text
                    + "' is not a day; use mon tue wed thu fri sat sun, ranges (mon-fri), lists (sat,sun) or eve");
        }
        return d;
    }

    private static BitSet or(BitSet a, BitSet b) {
        BitSet r = (BitSet) a.clone();
        r.or(b);
        return r;
    }

    /** The lines as configured. */
    public List<String> spec() {
        return spec;
    }

    /** Equal when they allow the same minutes: a reload that re-reads unchanged hours sees no change. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyHours w && Arrays.equals(days, w.days)
                && Objects.equals(eve, w.eve);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(days) + Objects.hashCode(eve);
    }

    @Override
    public String toString() {
        return String.join(", ", spec);
    }
}
