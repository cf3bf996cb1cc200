package org.fairdial.media.prompt;

import java.time.Duration;
import java.util.Objects;

/**
 * What a leg plays when no agent is talking: steady comfort noise, and optionally a prompt mixed on top,
 * starting {@code promptDelay} after the treatment starts.
 *
 * @param prompt      caller-identification recording, or null for comfort noise only
 * @param promptDelay time from the start of the treatment to the first prompt sample
 */
public record Treatment(Prompt prompt, Duration promptDelay) {
    public Treatment {
        Objects.requireNonNull(promptDelay, "promptDelay");
        if (promptDelay.isNegative()) {
            throw new IllegalArgumentException("promptDelay must not be negative: " + promptDelay);
        }
    }

    /** Comfort noise alone, e.g. while an agent's phone is being connected. */
    public static Treatment comfortNoiseOnly() {
        return new Treatment(null, Duration.ZERO);
    }
}
