package org.fairdial.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.fairdial.compliance.FrequencyCap;
import org.fairdial.compliance.Holidays;
import org.fairdial.compliance.RetryRules;
import org.fairdial.compliance.WeeklyHours;

/** Reads the compliance values profiles and campaigns share: calling hours, holidays, caps, retries, zones. */
final class RuleReaders {
    private final ConfigReader r;

    RuleReaders(ConfigReader reader) {
        this.r = reader;
    }

    /** Lines such as {@code "mon-fri 09:00-20:00"}; a problem when unreadable or allowing no minute at all. */
    WeeklyHours hours(String path) {
        try {
            WeeklyHours hours = WeeklyHours.parse(r.strings(path));
            if (hours.isEmpty() && r.has(path)) {
                r.problem(path, "allows no call at any time; give windows such as \"mon-fri 09:00-20:00\"");
            }
            return hours;
        } catch (IllegalArgumentException e) {
            r.problem(path, "cannot be read: " + e.getMessage());
            return WeeklyHours.parse(List.of());
        }
    }

    Holidays holidays(String path) {
        try {
            return Holidays.parse(r.strings(path));
        } catch (IllegalArgumentException e) {
            r.problem(path, "cannot be read: " + e.getMessage());
            return Holidays.NONE;
        }
    }

    /** {@code { attempts = N, period = D }}; attempts 0 means no cap. */
    FrequencyCap frequencyCap(String path) {
        int attempts = r.integer(path + ".attempts", 0, 1000);
        Duration period = r.duration(path + ".period");
        if (attempts > 0 && period.isZero()) {
            r.problem(path + ".period", "must be above zero when attempts is set");
        }
        return new FrequencyCap(Math.max(0, attempts), period);
    }

    RetryRules retry(String p) {
        int max = r.integer(p + ".max-attempts", 1, 50);
        return new RetryRules(Math.max(1, max), r.duration(p + ".retry.busy"), r.duration(p + ".retry.no-answer"),
                r.duration(p + ".retry.failed"), r.duration(p + ".retry.abandoned"));
    }

    /** An IANA zone id such as {@code Europe/Rome}, or null for an empty string. */
    ZoneId zone(String path) {
        String id = r.string(path);
        if (id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            r.problem(path, "is not a time zone id such as Europe/Rome or America/New_York");
            return null;
        }
    }
}
