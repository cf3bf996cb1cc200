package org.fairdial.media.sdp;

/**
 * Full outcome of negotiating one SDP from the peer: what {@link NegotiatedMedia} says, plus what the relay and
 * an answer need besides.
 *
 * @param media         remote address, codec and telephone-event payload type
 * @param peerDirection direction the peer wrote for the audio stream
 * @param mediaIndex    index of the chosen m= section in the peer's SDP
 * @param crypto        the peer's a=crypto line we took (its sending key, RFC 4568), or null for plain RTP
 * @param proto         the m= line's protocol, echoed in an answer ({@code RTP/AVP} or {@code RTP/SAVP})
 */
public record Negotiation(NegotiatedMedia media, MediaDirection peerDirection, int mediaIndex,
                          CryptoAttribute crypto, String proto) {

    /** A plain RTP/AVP outcome. */
    public Negotiation(NegotiatedMedia media, MediaDirection peerDirection, int mediaIndex) {
        this(media, peerDirection, mediaIndex, null, OfferAnswer.PROTO);
    }

    /** Whether the leg uses SRTP. */
    public boolean secure() {
        return crypto != null;
    }

    /** Whether the peer wants our audio (sendrecv or recvonly): if not, we keep quiet (RFC 3264 section 5.1). */
    public boolean maySend() {
        return peerDirection.receives();
    }
}
