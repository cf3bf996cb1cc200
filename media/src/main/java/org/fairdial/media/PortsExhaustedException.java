package org.fairdial.media;

/** No free RTP port is left in the configured range: the call cannot be placed. */
public final class PortsExhaustedException extends Exception {
    public PortsExhaustedException(String message) {
        super(message);
    }
}
