package org.fairdial.config;

/**
 * Whether a campaign records its bridged calls ({@code dialer.campaigns.NAME.recording}): both parties in one
 * stereo WAV, encrypted at rest when encryption at rest is on (docs/security.md, "Call recordings").
 */
public enum RecordingMode {
    /** Nothing is recorded. */
    OFF,
    /** Every bridged call is recorded from the bridge on, without an announcement (one-party-consent law). */
    ON,
    /**
     * The callee hears the campaign's recording announcement once an agent has answered, then the bridge and the
     * recording start; staying on the line is the consent, and the CDR notes that the announcement played
     * (two-party-consent jurisdictions).
     */
    ON_WITH_CONSENT;

    public boolean records() {
        return this != OFF;
    }
}
