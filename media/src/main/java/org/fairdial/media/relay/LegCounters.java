package org.fairdial.media.relay;

import java.time.Instant;
import java.time.InstantSource;
import org.fairdial.media.RtpStats;

/**
 * A leg's RTP counters. Written only from the leg's event loop (single writer, so volatile is enough and no
 * atomic read-modify-write is needed), read from any thread.
 */
final class LegCounters {
    private static final long NEVER = Long.MIN_VALUE;

    private final InstantSource clock;
    private volatile long sent;
    private volatile long sentOctets;
    private volatile long received;
    private volatile long lost;
    private volatile long refused;
    private volatile long firstSentMillis = NEVER;
    private volatile long lastReceivedMillis = NEVER;

    LegCounters(InstantSource clock) {
        this.clock = clock;
    }

    void sent(int payloadOctets) {
        if (firstSentMillis == NEVER) {
            firstSentMillis = clock.millis();
        }
        sent++;
        sentOctets += payloadOctets;
    }

    long sentCount() {
        return sent;
    }

    long sentOctets() {
        return sentOctets;
    }

    void received(long lostSoFar) {
        lastReceivedMillis = clock.millis();
        lost = lostSoFar;
        received++;
    }

    void refused() {
        refused++;
    }

    long refusedCount() {
        return refused;
    }

    RtpStats snapshot() {
        long first = firstSentMillis;
        long last = lastReceivedMillis;
        return new RtpStats(sent, received, lost, first == NEVER ? null : Instant.ofEpochMilli(first),
                last == NEVER ? null : Instant.ofEpochMilli(last));
    }
}
