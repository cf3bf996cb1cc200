package org.fairdial.cdr;

/** Who ended the leg. */
public enum HangupSide {
    /** The peer of this leg (BYE, or a final error response). */
    REMOTE,
    /** The other leg of the call hung up and we ended this one. */
    OTHER_LEG,
    /** The dialer itself: ring timeout, abandon timer, shutdown, failure. */
    DIALER
}
