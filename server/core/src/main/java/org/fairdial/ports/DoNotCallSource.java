package org.fairdial.ports;

/** How a do-not-call entry came in. */
public enum DoNotCallSource {
    /** The admin API or an operator. */
    API,
    /** The callee pressed the opt-out key of the US abandon message (16 CFR 310.4(b)(1)(v)(B) opt-out mechanism). */
    OPT_OUT_KEYPRESS,
    /** An agent's disposition after talking to the callee. */
    AGENT,
    /** Loaded from a file. */
    IMPORT
}
