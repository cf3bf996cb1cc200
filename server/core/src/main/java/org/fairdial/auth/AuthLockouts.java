package org.fairdial.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed-authentication lockouts against password guessing (svcrack and the like).
 *
 * <p>Failures are counted on two keys: the source address (every user it tries), and the user <em>at</em> that
 * address. Either crossing its threshold within the window locks out that key: the guesser's address, or the
 * user from the guesser's address only, so an attacker guessing agent 1001's password cannot keep the real 1001
 * (registering from its own address) out. The price is that an attacker who controls many addresses gets
 * {@code userFailures} guesses from each; {@link LockoutPolicy#userGlobalSources} closes that by locking the user
 * everywhere once that many addresses fail for it, at the cost of letting such an attacker lock a real agent out:
 * a denial of service, which is why it is off by default.
 *
 * <p>A locked key is not told so: the caller answers exactly as for a wrong password, even when the password is
 * right. Each lockout and each release is logged once and counted. Expiry is noticed on the next call (any
 * request), so a release is logged when the next request arrives, not to the second.
 */
public final class AuthLockouts {
    private static final Logger LOG = LoggerFactory.getLogger(AuthLockouts.class);

    /** What a lockout covers. */
    public enum Scope {
        /** Every user from one address. */
        SOURCE,
        /** One user from one address. */
        USER_AT_SOURCE,
        /** One user from every address ({@link LockoutPolicy#userGlobalSources}). */
        USER
    }

    /** An active lockout; {@code user} is null for {@link Scope#SOURCE}, {@code source} for {@link Scope#USER}. */
    public record Lockout(Scope scope, String source, String user, int failures, Instant since, Instant until) {
        Key key() {
            return new Key(scope, source, user);
        }

        @Override
        public String toString() {
            return switch (scope) {
                case SOURCE -> "source " + source;
                case USER_AT_SOURCE -> "user '" + user + "' from " + source;
                case USER -> "user '" + user + "' from every address";
            };
        }
    }

    private record Key(Scope scope, String source, String user) {
    }

    private final LockoutPolicy policy;
    private final InstantSource clock;
    private final Map<Key, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Map<String, Instant>> userSources = new HashMap<>();
    private final Map<Key, Lockout> locked = new HashMap<>();
    private final AtomicLongArray lockouts = new AtomicLongArray(Scope.values().length);
    private final AtomicLongArray releases = new AtomicLongArray(2);
    private Instant lastSweep;

    public AuthLockouts(LockoutPolicy policy, InstantSource clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Whether requests of {@code user} (null: none named) from {@code source} are refused unheard. */
    public synchronized boolean locked(String source, String user) {
        Instant now = clock.instant();
        expire(now);
        return in(new Key(Scope.SOURCE, source, null), now)
                || user != null && (in(new Key(Scope.USER_AT_SOURCE, source, user), now)
                        || in(new Key(Scope.USER, null, user), now));
    }

    private boolean in(Key key, Instant now) {
        Lockout l = locked.get(key);
        return l != null && now.isBefore(l.until());
    }

    /** Counts a failed authentication; may lock the source, the user at the source or the user. */
    public synchronized void failed(String source, String user) {
        if (!policy.enabled()) {
            return;
        }
        Instant now = clock.instant();
        expire(now);
        if (locked(source, user)) {
            return; // refused unheard: a locked guesser cannot lengthen its own lockout by guessing on
        }
        count(new Key(Scope.SOURCE, source, null), policy.sourceFailures(), now);
        if (user != null) {
            count(new Key(Scope.USER_AT_SOURCE, source, user), policy.userFailures(), now);
            if (policy.userGlobalSources() > 0) {
                Map<String, Instant> sources = userSources.computeIfAbsent(user, u -> new HashMap<>());
                sources.put(source, now);
                sources.values().removeIf(at -> !at.isAfter(now.minus(policy.window())));
                if (sources.size() >= policy.userGlobalSources()) {
                    lock(new Key(Scope.USER, null, user), sources.size(), now);
                    userSources.remove(user);
                }
            }
        }
    }

    /** A user authenticated from a source: its own earlier typos there are forgiven (the address's are not). */
    public synchronized void succeeded(String source, String user) {
        failures.remove(new Key(Scope.USER_AT_SOURCE, source, user));
    }

    /** The lockouts in force, oldest first. */
    public synchronized List<Lockout> active() {
        expire(clock.instant());
        List<Lockout> list = new ArrayList<>(locked.values());
        list.sort(Comparator.comparing(Lockout::since).thenComparing(Lockout::toString));
        return list;
    }

    /**
     * Lifts the lockouts matching both filters (null matches anything) and forgets their failures.
     *
     * @return the lockouts lifted
     */
    public synchronized List<Lockout> clear(String source, String user) {
        List<Lockout> lifted = new ArrayList<>();
        for (Iterator<Lockout> it = locked.values().iterator(); it.hasNext(); ) {
            Lockout l = it.next();
            if ((source == null || source.equals(l.source())) && (user == null || user.equals(l.user()))) {
                it.remove();
                failures.remove(l.key());
                releases.incrementAndGet(1);
                lifted.add(l);
                LOG.info("authentication lockout of {} cleared by an operator", l);
            }
        }
        return lifted;
    }

    /** Lockouts started since this was built, of one scope. */
    public long lockouts(Scope scope) {
        return lockouts.get(scope.ordinal());
    }

    /** Lockouts ended since this was built: by expiry ({@code cleared} false) or by {@link #clear}. */
    public long releases(boolean cleared) {
        return releases.get(cleared ? 1 : 0);
    }

    /** Keys with failures still counted and lockouts in force (memory use). */
    public synchronized int tracked() {
        return failures.size() + locked.size() + userSources.size();
    }

    private void count(Key key, int threshold, Instant now) {
        if (threshold <= 0) {
            return;
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        prune(times, now);
        if (times.size() >= threshold) {
            lock(key, times.size(), now);
            failures.remove(key);
        }
    }

    private void lock(Key key, int count, Instant now) {
        Lockout lockout = new Lockout(key.scope(), key.source(), key.user(), count, now, now.plus(policy.duration()));
        if (locked.putIfAbsent(key, lockout) == null) {
            lockouts.incrementAndGet(key.scope().ordinal());
            LOG.warn("authentication lockout: {} refused for {} after {} failures within {}", lockout,
                    human(policy.duration()), count, human(policy.window()));
        }
    }

    /** Drops expired lockouts and failures, at most once a second: requests from scanners arrive by thousands. */
    private void expire(Instant now) {
        if (lastSweep != null && now.isBefore(lastSweep.plusSeconds(1)) && now.isAfter(lastSweep.minusSeconds(1))) {
            return;
        }
        lastSweep = now;
        for (Iterator<Lockout> it = locked.values().iterator(); it.hasNext(); ) {
            Lockout l = it.next();
            if (!now.isBefore(l.until())) {
                it.remove();
                releases.incrementAndGet(0);
                LOG.info("authentication lockout of {} expired", l);
            }
        }
        for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            prune(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
        userSources.values().removeIf(sources -> {
            sources.values().removeIf(at -> !at.isAfter(now.minus(policy.window())));
            return sources.isEmpty();
        });
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(policy.window());
        while (!times.isEmpty() && !Objects.requireNonNull(times.peekFirst()).isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
