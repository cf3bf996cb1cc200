package org.fairdial.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SIGHUP to reload, as operators expect of a Unix daemon (Kamailio, Asterisk, nginx). */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Runs {@code action} on SIGHUP, on its own thread; where the JVM offers no signal API, says so and goes on. */
    static void onHangup(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> new Thread(action, "reload").start());
        } catch (IllegalArgumentException | LinkageError e) {
            LOG.warn("SIGHUP cannot be handled on this JVM ({}); reload through the admin API", e.toString());
        }
    }
}
