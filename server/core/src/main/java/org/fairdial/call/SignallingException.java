package org.fairdial.call;

/**
 * A request could not be put on the wire (no route, connection refused, stack refused it): the peer's or the
 * network's problem, reported on the leg as a failure, not a programming error.
 */
public final class SignallingException extends RuntimeException {
    public SignallingException(String message, Throwable cause) {
        super(message, cause);
    }
}
