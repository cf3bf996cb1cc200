package org.fairdial.media;

/**
 * Hears the keys a leg's peer presses, sent as RFC 4733 telephone-events. Called once per key press, on the leg's
 * event loop: an implementation only hands the digit on (to a call's executor) and returns.
 */
@FunctionalInterface
public interface DtmfListener {

    /** The peer pressed {@code digit}: one of {@code 0-9}, {@code *} or {@code #}. */
    void pressed(char digit);
}
