package org.fairdial.config;

/** How a campaign decides how many calls to place ({@code pacing}). */
public enum PacingMode {
    /** One call per free agent, the agent reserved before dialing (and shown the lead first). */
    PREVIEW,
    /** One call per free agent, the agent reserved before dialing: never an abandoned call. */
    PROGRESSIVE,
    /** {@code dial-ratio} calls per free agent, within the abandon budget of the profile's windows. */
    RATIO,
    /** As many calls as keep agents busy while spending, never exceeding, the abandon budget. */
    PREDICTIVE
}
