package org.fairdial.app;

import java.time.Duration;
import java.time.Instant;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM: no new calls; calls in progress may finish for the grace period; the rest are hung up (CANCEL before
 * an answer, BYE after, each with its CDR); then the server closes and flushes its CDRs.
 */
final class GracefulShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    /** Time for the CANCEL/BYE exchanges of the calls we hang up. */
    private static final Duration HANGUP_TIME = Duration.ofSeconds(5);

    private GracefulShutdown() {
    }

    static void run(DialerServer server, Duration grace) {
        server.campaigns().values().forEach(runner -> runner.pause());
        int live = server.calls().size();
        LOG.info("shutting down: dialing stopped, {} call(s) in progress get up to {}", live, grace);
        if (!waitForCalls(server, grace)) {
            var remaining = server.calls().live();
            LOG.warn("grace period over: hanging up {} call(s)", remaining.size());
            for (CallSession call : remaining) {
                call.post(new CallEvent.Hangup("dialer shutdown"));
            }
            if (!waitForCalls(server, HANGUP_TIME)) {
                LOG.warn("{} call(s) did not finish their hang-up in {}", server.calls().size(), HANGUP_TIME);
            }
        }
        server.close();
    }

    private static boolean waitForCalls(DialerServer server, Duration limit) {
        Instant end = Instant.now().plus(limit);
        while (server.calls().size() > 0 && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return server.calls().size() == 0;
    }
}
