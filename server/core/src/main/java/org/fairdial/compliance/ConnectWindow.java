package org.fairdial.compliance;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an answered callee with no free agent may wait for one that is about to become free, so that the whole
 * caller-identification message still plays before the cap. The live server (call control's connect-window timer)
 * and the shift simulator both take their wait from here.
 *
 * <p>The prompt starts {@code prompt-delay} after the answer, or at once when the treatment starts later (comfort
 * noise has played since the answer); our BYE leaves {@link AbandonTiming#BYE_MARGIN} before
 * {@code abandon.max-duration} after the answer (Garante 2014: 3 s). So the treatment must start by
 * {@code max-duration - margin - prompt}, and where the profile bounds the message's start (Ofcom 2016, TSR
 * 16 CFR 310.4(b)(4)(iii): 2 s) also by {@code prompt-start-max}. (That prompt-delay plus the prompt fit is the
 * prompt's own check.)
 * An agent reserved at the end of the wait may still fail to answer within {@code agent-connect-timeout}; the
 * treatment then starts at wait + connect timeout, which must still be in time. Comfort noise plays from the first
 * frame throughout.
 *
 * @param agentWait               how long the callee waits for an agent; zero: abandoned at once
 * @param latestTreatmentStart latest time after the answer the abandon treatment may start and still play whole
 * @param connectTimeout       the campaign's agent-connect-timeout
 */
public record ConnectWindow(Duration agentWait, Duration latestTreatmentStart, Duration connectTimeout) {
    /** No wait: the behaviour before connect windows, and the default of call control's pure tests. */
    public static final ConnectWindow NONE = new ConnectWindow(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public ConnectWindow {
        Objects.requireNonNull(agentWait, "agentWait");
        Objects.requireNonNull(latestTreatmentStart, "latestTreatmentStart");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (agentWait.isNegative()) {
            throw new IllegalArgumentException("negative wait " + agentWait);
        }
    }

    /**
     * The window of a campaign: the profile's {@link JurisdictionProfile#connectWindow()}, shortened to what the
     * prompt leaves after the agent-connect-timeout.
     */
    public static ConnectWindow of(JurisdictionProfile profile, Duration maxDuration, Duration prompt,
                                   Duration connectTimeout) {
        return of(profile.connectWindow(), profile.promptStartMax(), maxDuration, prompt, connectTimeout);
    }

    /**
     * The same from the profile's values alone ({@code promptStartMax} null where the profile sets none), for
     * tools that read them without a whole profile (the shift simulator's workloads).
     */
    public static ConnectWindow of(Duration profileWindow, Duration promptStartMax, Duration maxDuration,
                                   Duration prompt, Duration connectTimeout) {
        Duration latest = latestTreatmentStart(promptStartMax, maxDuration, prompt);
        Duration room = latest.minus(connectTimeout);
        Duration wait = profileWindow;
        if (room.compareTo(wait) < 0) {
            wait = room;
        }
        return new ConnectWindow(wait.isNegative() ? Duration.ZERO : wait, latest, connectTimeout);
    }

    /** The latest start of the treatment after the answer that still plays the whole prompt, in time. */
    public static Duration latestTreatmentStart(Duration promptStartMax, Duration maxDuration, Duration prompt) {
        Duration latest = maxDuration.minus(AbandonTiming.BYE_MARGIN).minus(prompt);
        if (promptStartMax != null && promptStartMax.compareTo(latest) < 0) {
            latest = promptStartMax;
        }
        return latest;
    }

    /** Whether callees wait at all. */
    public boolean waits() {
        return !agentWait.isZero();
    }

    /** Whether an agent that becomes free {@code freeAfterAnswer} after the answer takes the call. */
    public boolean takes(Duration freeAfterAnswer) {
        return waits() && freeAfterAnswer.compareTo(agentWait) <= 0;
    }

    /**
     * Whether an agent that fails at the agent-connect deadline still leaves the whole prompt before the cap:
     * false is a config error, since the prompt would be cut.
     */
    public boolean connectTimeoutFits() {
        return connectTimeout.compareTo(latestTreatmentStart) <= 0;
    }
}
