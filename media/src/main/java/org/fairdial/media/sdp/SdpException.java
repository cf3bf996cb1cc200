package org.fairdial.media.sdp;

/** Bad SDP on the wire (malformed, or no codec in common): the peer's fault, never a programming error. */
public final class SdpException extends Exception {
    public SdpException(String message) {
        super(message);
    }
}
