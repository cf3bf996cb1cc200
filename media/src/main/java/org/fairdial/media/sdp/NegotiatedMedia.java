package org.fairdial.media.sdp;

import java.net.InetSocketAddress;
import org.fairdial.media.codec.Codec;

/**
 * Outcome of an offer/answer exchange for one leg.
 *
 * @param remote               where the peer wants RTP (c= and m= of its SDP)
 * @param codec                the audio codec both sides use
 * @param telephoneEventPt     payload type of telephone-event (RFC 4733) agreed, or -1 if none
 */
public record NegotiatedMedia(InetSocketAddress remote, Codec codec, int telephoneEventPt) {
}
