package org.fairdial.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Turns the telephone-event packets of one stream into key presses (RFC 4733 section 2.5.1). Every packet of one
 * event carries the event's start timestamp; the end is sent three times (section 2.5.1.4), so a press is
 * reported on the first end packet of a timestamp and its retransmissions are dropped. If all three end packets
 * are lost, the press is reported when the next event begins. Events other than the keys 0-9, * and # (A-D,
 * flash, tones) are ignored.
 *
 * <p>Not thread-safe: owned by the leg's event loop.
 */
public final class DtmfDetector {
    /** No key: what {@link #offer} returns for a packet that completes no press. */
    public static final char NONE = 0;
    private static final String KEYS = "0123456789*#";

    private boolean active;
    private long ssrc;
    private long timestamp;
    private int event;
    private boolean reported;

    /** The key a packet completes, or {@link #NONE}; {@code payload}'s reader index does not move. */
    public char offer(RtpHeader header, ByteBuf payload) {
        if (payload.readableBytes() < 4) {
            return NONE; // RFC 4733 section 2.3: the event payload is 4 bytes
        }
        int base = payload.readerIndex();
        int code = payload.getUnsignedByte(base);
        boolean end = (payload.getUnsignedByte(base + 1) & 0x80) != 0;
        char pending = NONE;
        boolean same = active && header.ssrc() == ssrc && header.timestamp() == timestamp;
        if (!same) {
            if (active && !reported) {
                pending = key(event); // the previous event's end packets never came
            }
            active = true;
            ssrc = header.ssrc();
            timestamp = header.timestamp();
            event = code;
            reported = false;
        }
        if (pending != NONE) {
            return pending; // this event's own end is reported by one of its retransmitted end packets
        }
        if (end && !reported) {
            reported = true;
            return key(code);
        }
        return NONE;
    }

    /** The key of an RFC 4733 section 3.2 event code, or {@link #NONE}. */
    static char key(int code) {
        return code < KEYS.length() ? KEYS.charAt(code) : NONE;
    }
}
