package org.fairdial.media.relay;

import io.netty.buffer.ByteBuf;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.codec.G711;
import org.fairdial.media.sdp.NegotiatedMedia;

/**
 * How a packet received on one leg goes out on the other: G.711 audio in the receiving leg's codec (transcoded
 * if the laws differ), telephone-event (RFC 4733) under the receiving leg's payload type, everything else
 * dropped: comfort noise (PT 13, RFC 3389) because we cannot know the other side understands it, and unknown
 * types because we never agreed on them.
 *
 * @param payloadType PT to send
 * @param from        law of the received payload, or null for a payload copied as is
 * @param to          law to send
 */
record RelayRoute(int payloadType, Codec from, Codec to) {

    /**
     * @param payloadType        PT of the received packet
     * @param sourceEventPt      telephone-event PT negotiated on the receiving leg, or -1
     * @param destination        what the sending leg negotiated with its peer
     * @return the route, or null to drop the packet
     */
    static RelayRoute of(int payloadType, int sourceEventPt, NegotiatedMedia destination) {
        for (Codec codec : Codec.values()) {
            if (payloadType == codec.payloadType()) {
                Codec to = destination.codec();
                return new RelayRoute(to.payloadType(), codec, to);
            }
        }
        if (payloadType == sourceEventPt && destination.telephoneEventPt() >= 0) {
            return new RelayRoute(destination.telephoneEventPt(), null, null);
        }
        return null;
    }

    boolean audio() {
        return from != null;
    }

    /** Appends the payload, transcoded if needed, to {@code out}. */
    void writePayload(ByteBuf payload, ByteBuf out) {
        int length = payload.readableBytes();
        if (from != null && from != to) {
            G711.transcode(from, to, payload, payload.readerIndex(), length, out);
        } else {
            out.writeBytes(payload, payload.readerIndex(), length);
        }
    }
}
