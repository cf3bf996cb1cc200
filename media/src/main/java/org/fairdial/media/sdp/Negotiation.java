package org.fairdial.media.sdp;

/**
 * Full outcome of negotiating one SDP from the peer: what {@link NegotiatedMedia} says, plus what the relay and
 * an answer need besides.
 *
 * @param media         remote address, codec and telephone-event payload type
 * @param peerDirection direction the peer wrote for the audio stream
 * @param mediaIndex    index of the chosen m= section in the peer's SDP
 */
public record Negotiation(NegotiatedMedia media, MediaDirection peerDirection, int mediaIndex) {

    /** Whether the peer wants our audio (sendrecv or recvonly): if not, we keep quiet (RFC 3264 section 5.1). */
    public boolean maySend() {
        return peerDirection.receives();
    }
}
