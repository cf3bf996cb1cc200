package org.fairdial.auth;

import java.time.Duration;

/**
 * When failed digest authentications lock a source out ({@code dialer.sip.security.lockout}).
 *
 * @param sourceFailures      failures from one address (any user) within {@code window} that lock the address
 * @param userFailures        failures for one user from one address within {@code window} that lock that user
 *                            from that address only
 * @param window              how far back failures count
 * @param duration            how long a lockout lasts
 * @param userGlobalSources   distinct addresses failing for one user within {@code window} that lock the user
 *                            from every address; 0 = never (the default: see {@link AuthLockouts})
 */
public record LockoutPolicy(int sourceFailures, int userFailures, Duration window, Duration duration,
                            int userGlobalSources) {
    /** No lockouts at all. */
    public static final LockoutPolicy OFF = new LockoutPolicy(0, 0, Duration.ZERO, Duration.ZERO, 0);

    /** 0 turns a threshold off. */
    public boolean enabled() {
        return sourceFailures > 0 || userFailures > 0 || userGlobalSources > 0;
    }
}
