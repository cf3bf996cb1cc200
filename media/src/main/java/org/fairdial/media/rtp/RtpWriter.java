package org.fairdial.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Writes the 12-byte fixed RTP header we send: version 2, no padding, no extension, no CSRCs (we relay as a
 * translator that rewrites the SSRC, so there is never a mixer's contributor list to carry).
 */
public final class RtpWriter {
    private RtpWriter() {
    }

    /** Appends a header to {@code out}; the payload follows by the caller. */
    public static void writeHeader(ByteBuf out, boolean marker, int payloadType, int sequence, long timestamp,
                                   long ssrc) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        out.writeByte(0x80);
        out.writeByte((marker ? 0x80 : 0) | payloadType);
        out.writeShort(sequence);
        out.writeInt((int) timestamp);
        out.writeInt((int) ssrc);
    }
}
