package org.fairdial.media.relay;

/**
 * When to send the frames of a generated stream. Frame 0 left at {@code start}; frame n is due at
 * {@code start + n * period}: deadlines are absolute, so timer lateness never accumulates into drift. A late
 * tick sends the due frame plus at most one more to catch up; anything further behind is skipped (its timestamp still advances) rather than sent as a
 * burst, which a receiver's jitter buffer would have to throw away anyway.
 *
 * <p>Pure: time is passed in, so it is tested without sleeping.
 */
final class FramePacer {
    /** What to do at one tick. */
    record Tick(int send, long skip, long delayNanos) {
    }

    private final long startNanos;
    private final long periodNanos;
    private long next = 1;

    /** A pacer for a stream whose first frame was sent at {@code startNanos}. */
    FramePacer(long startNanos, long periodNanos) {
        this.startNanos = startNanos;
        this.periodNanos = periodNanos;
    }

    /**
     * Accounts for the frames due at {@code nowNanos}.
     *
     * @return frames to send now (0, 1 or 2), frames to skip, and the delay until the next deadline
     */
    Tick onTick(long nowNanos) {
        long late = nowNanos - deadline(next);
        if (late < 0) {
            return new Tick(0, 0, -late);
        }
        long behind = late / periodNanos;
        int send = behind >= 1 ? 2 : 1;
        long skip = Math.max(0, behind - 1);
        next += send + skip;
        return new Tick(send, skip, deadline(next) - nowNanos);
    }

    private long deadline(long frame) {
        return startNanos + frame * periodNanos;
    }
}
