package org.fairdial.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Is a national do-not-call registry recent enough to dial against? A registry file declares the day it was
 * downloaded; a campaign must not dial while one it checks is older than its profile's limit: US 16 CFR
 * 310.4(b)(3)(iv) (the seller uses a version of the National Do Not Call Registry obtained no more than 31 days
 * before the call), UK TPS 28 days (the TPS licence terms: screen against a copy no more than 28 days old), Italy
 * RPO 15 days (d.P.R. 178/2010 as amended by d.P.R. 26/2022: a check against the Registro is valid 15 days). A
 * registry with no declared date cannot show it is recent and counts as stale. Pure: the clock comes in as an
 * argument.
 */
public final class RegistryFreshness {
    /** How long before expiry the configuration check and the metrics warn. */
    public static final Duration WARN_AHEAD = Duration.ofDays(3);
    /**
     * How soon the dialer asks again after a stale denial: a configuration reload with a fresh file may have
     * replaced the registry; the campaign takes no other lead meanwhile.
     */
    public static final Duration RECHECK = Duration.ofMinutes(1);

    /** Where a registry stands against the limit. */
    public enum State {
        /** Within the limit, or the profile sets none. */
        FRESH,
        /** Within the limit, but it ends within {@link #WARN_AHEAD}: download a new copy. */
        EXPIRING,
        /** Older than the limit: campaigns that check it do not dial. */
        STALE,
        /** The file declares no download date and the profile has a limit: treated as stale. */
        UNDATED
    }

    /**
     * One registry's standing.
     *
     * @param registry     registry name
     * @param downloadedAt its declared download time, or null
     * @param maxAge       the profile's limit (zero: none)
     * @param expiresAt    when it becomes stale, or null (no limit, or undated)
     * @param state        where it stands
     */
    public record Status(String registry, Instant downloadedAt, Duration maxAge, Instant expiresAt, State state) {
        public Status {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(state, "state");
        }

        /** Campaigns checking this registry must not dial. */
        public boolean refusesDialing() {
            return state == State.STALE || state == State.UNDATED;
        }

        /** Age at {@code now}, or null when undated. */
        public Duration age(Instant now) {
            return downloadedAt == null ? null : Duration.between(downloadedAt, now);
        }
    }

    private RegistryFreshness() {
    }

    /** The standing of a registry downloaded at {@code downloadedAt} (null: undeclared) under {@code maxAge}. */
    public static Status status(String registry, Instant downloadedAt, Duration maxAge, Instant now) {
        if (maxAge.isZero()) {
            return new Status(registry, downloadedAt, maxAge, null, State.FRESH);
        }
        if (downloadedAt == null) {
            return new Status(registry, null, maxAge, null, State.UNDATED);
        }
        Instant expires = downloadedAt.plus(maxAge);
        State state = now.isAfter(expires) ? State.STALE
                : now.isBefore(expires.minus(WARN_AHEAD)) ? State.FRESH : State.EXPIRING;
        return new Status(registry, downloadedAt, maxAge, expires, state);
    }

    /**
     * The standing of each registry a campaign checks under its profile, in the campaign's order.
     *
     * @param downloadedAt declared download time by registry name (a missing or null value: undeclared)
     */
    public static List<Status> statuses(JurisdictionProfile profile, List<String> registries,
                                        Map<String, Instant> downloadedAt, Instant now) {
        List<Status> out = new ArrayList<>(registries.size());
        for (String name : registries) {
            out.add(status(name, downloadedAt.get(name), profile.dncRegistryMaxAge(), now));
        }
        return out;
    }

    /**
     * Allow, or a {@link Rule#DNC_REGISTRY_STALE} denial naming the first registry that refuses dialing, retried
     * after {@link #RECHECK}.
     */
    public static Decision check(JurisdictionProfile profile, List<String> registries,
                                 Map<String, Instant> downloadedAt, Instant now) {
        for (Status s : statuses(profile, registries, downloadedAt, now)) {
            if (s.refusesDialing()) {
                return Decision.deny(Rule.DNC_REGISTRY_STALE, reason(s, profile, now), now.plus(RECHECK));
            }
        }
        return Decision.allow();
    }

    static String reason(Status s, JurisdictionProfile profile, Instant now) {
        String limit = Durations.format(s.maxAge()) + " limit of profile " + profile.name();
        if (s.state() == State.UNDATED) {
            return Rule.DNC_REGISTRY_STALE.code() + ": registry " + s.registry()
                    + " declares no download date, so it cannot be shown to be within the " + limit;
        }
        return Rule.DNC_REGISTRY_STALE.code() + ": registry " + s.registry() + " was downloaded " + s.downloadedAt()
                + ", " + days(s.age(now)) + " ago, over the " + limit;
    }

    /** {@code 33.2 days}: registry ages are read in days. */
    public static String days(Duration d) {
        return String.format(Locale.ROOT, "%.1f days", d.getSeconds() / 86_400.0);
    }
}
