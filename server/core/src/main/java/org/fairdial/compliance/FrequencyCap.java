package org.fairdial.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * At most {@code attempts} calls to one number in any {@code period}, counting every campaign's calls. Not a rule
 * of the three presets; Florida's Telephone Solicitation Act (Fla. Stat. 501.616(6)(b): at most 3 calls in 24 h on
 * the same subject) is the kind of rule it expresses, and operators use it against the "persistent" in Ofcom's
 * persistent misuse.
 *
 * @param attempts calls allowed in the period; 0 turns the cap off
 * @param period   the sliding window
 */
public record FrequencyCap(int attempts, Duration period) {

    public static final FrequencyCap NONE = new FrequencyCap(0, Duration.ZERO);

    public FrequencyCap {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
    }

    public boolean enabled() {
        return attempts > 0;
    }

    /** Where to start looking for past attempts. */
    public Instant since(Instant now) {
        return now.minus(period);
    }

    /** @param recent times of calls already placed to the number (any campaign), at least those after since(now) */
    public Decision check(List<Instant> recent, Instant now) {
        if (!enabled()) {
            return Decision.allow();
        }
        Instant since = since(now);
        List<Instant> inWindow = new ArrayList<>();
        for (Instant t : recent) {
            if (t.isAfter(since)) {
                inWindow.add(t);
            }
        }
        if (inWindow.size() < attempts) {
            return Decision.allow();
        }
        Collections.sort(inWindow);
        // Once the oldest (size - attempts + 1) calls leave the window, one more is allowed.
        Instant retryAt = inWindow.get(inWindow.size() - attempts).plus(period);
        return Decision.deny(Rule.FREQUENCY_CAP, inWindow.size() + " calls to the number in the last "
                + Durations.format(period) + " (cap " + attempts + ")", retryAt);
    }

    /** At least as strict as {@code other}: no cap is stricter than none; else fewer calls over a longer period. */
    public boolean atLeastAsStrictAs(FrequencyCap other) {
        if (!other.enabled()) {
            return true;
        }
        return enabled() && attempts <= other.attempts && period.compareTo(other.period) >= 0;
    }
}
