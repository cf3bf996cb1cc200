package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store answers, as the campaigns see it, shared by every campaign of the dialer. A failing store
 * write or read marks the start of an outage and the next one that succeeds marks its end: one WARN line at the
 * start and one INFO line at the end, whatever the number of calls and campaigns in between, so an outage of
 * minutes at hundreds of calls per second is two lines in the log (and a counter and a gauge in the metrics).
 * Thread-safe.
 */
public final class StoreHealth {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

    private final InstantSource clock;
    private Instant downSince;
    private long outages;
    private long deniedCalls;
    private long deniedThisOutage;
    private Duration lastOutage = Duration.ZERO;

    public StoreHealth(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * A store operation failed. Starts an outage (and logs it) unless one is going on.
     *
     * @param operation what the dialer was doing, for the log line
     * @param error     the store's message; its numbers are masked by the store
     * @param since     when the failing call was made: a call to a database that went away may block for the
     *                  pool's connection timeout before it fails, and the outage is counted from its start
     */
    public void failed(String operation, String error, Instant since) {
        synchronized (this) {
            if (downSince != null) {
                return;
            }
            downSince = since;
            outages++;
            deniedThisOutage = 0;
        }
        LOG.warn("store unavailable ({}: {}): dialing paused, lead outcomes queued until the store answers again",
                operation, error);
    }

    /** A store operation succeeded. Ends the outage going on, if any. */
    public void succeeded() {
        Duration lasted;
        long denied;
        synchronized (this) {
            if (downSince == null) {
                return;
            }
            lasted = Duration.between(downSince, clock.instant());
            lastOutage = lasted;
            denied = deniedThisOutage;
            downSince = null;
        }
        LOG.info("store available again after {} ms: {} dial attempt(s) denied as store-unavailable, dialing resumes",
                lasted.toMillis(), denied);
    }

    /** A call was not placed because the store failed ({@code store-unavailable}). */
    public synchronized void denied() {
        deniedCalls++;
        deniedThisOutage++;
    }

    public synchronized boolean available() {
        return downSince == null;
    }

    /** Outages so far (each counted once, however many operations failed during it). */
    public synchronized long outages() {
        return outages;
    }

    /** Dial attempts denied as {@code store-unavailable} so far. */
    public synchronized long deniedCalls() {
        return deniedCalls;
    }

    /** How long the last outage that ended lasted (zero before the first). */
    public synchronized Duration lastOutage() {
        return lastOutage;
    }
}
