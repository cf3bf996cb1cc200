package org.fairdial.call;

/** What becomes of a reserved agent when a call lets go of them. */
public enum AgentRelease {
    /** Never talked on this call: back to available at once. */
    AVAILABLE,
    /** Talked: wrap-up for the campaign's time, then available. */
    WRAP_UP,
    /** The phone did not answer or rejected the call: out of rotation until it registers again. */
    UNAVAILABLE
}
