package org.fairdial.compliance;

import java.time.Duration;

/**
 * When the BYE of an abandoned call leaves. Garante 2014 (and our configured cap everywhere): the call ends within
 * abandon.max-duration of the answer; we aim {@link #BYE_MARGIN} earlier so timer jitter, garbage collection or
 * a loaded machine can never push the BYE past the cap. A prompt must fit in what is left.
 */
public final class AbandonTiming {
    /** Measured worst case from deadline timer to BYE on the wire: about 30 ms on a cold 2-core JVM. */
    public static final Duration BYE_MARGIN = Duration.ofMillis(200);

    private AbandonTiming() {
    }

    /** Time the prompt may last: max-duration minus the prompt delay and the margin. */
    public static Duration promptRoom(Duration maxDuration, Duration promptDelay) {
        return maxDuration.minus(promptDelay).minus(BYE_MARGIN);
    }
}
