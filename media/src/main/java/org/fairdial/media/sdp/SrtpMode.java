package org.fairdial.media.sdp;

import java.util.Locale;

/**
 * How a leg uses SRTP with SDES keys (RFC 3711, RFC 4568), per trunk and per agent. docs/security.md has the
 * offer/answer matrix.
 */
public enum SrtpMode {
    /** Plain RTP only: an offer of RTP/SAVP is refused (488). */
    OFF,
    /**
     * SRTP when the peer wants it: a peer's RTP/SAVP offer is answered with SRTP; our own offers are RTP/AVP with
     * a=crypto lines (best-effort SRTP), so a peer that ignores them still gets plain RTP instead of a 488.
     */
    OFFERED,
    /** SRTP or no call: we offer RTP/SAVP, and refuse an offer or answer without an acceptable a=crypto line. */
    REQUIRED;

    /** The mode named {@code text} in configuration ({@code off | offered | required}), or null. */
    public static SrtpMode parse(String text) {
        for (SrtpMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
                return mode;
            }
        }
        return null;
    }

    /** The configuration spelling. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
