package org.fairdial.compliance;

import java.time.Duration;

/**
 * The legal limits of one jurisdiction (a preset under {@code dialer.profiles}); campaigns name one and may only
 * be stricter.
 *
 * @param name               profile name, e.g. {@code it-garante}
 * @param abandonRateCap     highest abandoned-call rate allowed in the profile's window (0.03 = 3%)
 * @param abandonMaxDuration longest time from answer to our BYE on an abandoned call (Garante: 3 s)
 * @param promptStartMax     latest start of the identification prompt after answer (Ofcom, TSR: 2 s)
 * @param redialLockout      no new call to a number we abandoned for this long (Garante: 5 days, Ofcom: 72 h)
 * @param minRingTime        shortest ring before we may give up (TSR: 15 s; our floor everywhere)
 */
public record JurisdictionProfile(
        String name,
        double abandonRateCap,
        Duration abandonMaxDuration,
        Duration promptStartMax,
        Duration redialLockout,
        Duration minRingTime) {

    /** Ring time below which no profile may go: 15 s (TSR 16 CFR 310.4(b)(1)(v)), applied everywhere. */
    public static final Duration RING_TIME_FLOOR = Duration.ofSeconds(15);
}
