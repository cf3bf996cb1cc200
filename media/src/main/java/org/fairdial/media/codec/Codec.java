package org.fairdial.media.codec;

/** The audio codecs the dialer offers and answers, with their static RTP payload types (RFC 3551). */
public enum Codec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    /** Clock rate of both G.711 variants. */
    public static final int CLOCK_RATE = 8000;

    private final int payloadType;
    private final String encodingName;

    Codec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    public int payloadType() {
        return payloadType;
    }

    public String encodingName() {
        return encodingName;
    }
}
