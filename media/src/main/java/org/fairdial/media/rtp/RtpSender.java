package org.fairdial.media.rtp;

import java.security.SecureRandom;

/**
 * The outbound RTP stream of one leg: one SSRC for the whole call, whatever feeds it.
 *
 * <p>RFC 3550 section 5.1 wants random initial sequence number and timestamp, and a receiver's jitter buffer
 * wants sequence and timestamp to keep going up when our source changes (generated treatment, then relayed agent
 * audio, then treatment again). At each switch the stream is re-anchored: the next sequence number follows the
 * last one sent, the timestamp advances by the wall-clock time since the last packet (at least one frame), and
 * the marker bit flags the new talk-spurt. Relayed packets are then mapped through fixed offsets, so a gap in the
 * relayed stream still shows as a gap to our receiver.
 *
 * <p>Not thread-safe: owned by the leg's event loop.
 */
public final class RtpSender {
    /** RFC 3550 appendix A.1: a jump of more sequence numbers than this is a restart, not loss. */
    static final int MAX_DROPOUT = 3000;
    /** RFC 3550 appendix A.1: packets up to this far behind are late, not a restart. */
    static final int MAX_MISORDER = 100;
    private static final long TS_MASK = 0xFFFF_FFFFL;
    /** Thread-safe; shared so that opening a leg never pays for seeding a new generator. */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Sequence number, timestamp and marker bit for one outgoing packet. */
    public record Stamp(int sequence, long timestamp, boolean marker) {
    }

    private enum Source { NONE, GENERATED, RELAYED }

    private final long ssrc;
    private final int frameSamples;
    private final int clockRate;
    private final long firstTimestamp;
    private Source source = Source.NONE;
    private boolean started;
    private int lastSequence;
    private long lastTimestamp;
    private long lastSentNanos;
    private long relayedSsrc;
    private int sequenceOffset;
    private long timestampOffset;
    private int anchorSequence;

    public RtpSender(long ssrc, int firstSequence, long firstTimestamp, int frameSamples, int clockRate) {
        this.ssrc = ssrc & TS_MASK;
        this.lastSequence = (firstSequence - 1) & 0xFFFF;
        this.firstTimestamp = firstTimestamp & TS_MASK;
        this.frameSamples = frameSamples;
        this.clockRate = clockRate;
    }

    /** A stream with random SSRC, sequence and timestamp (RFC 3550 section 5.1). */
    public static RtpSender random(int frameSamples, int clockRate) {
        return new RtpSender(RANDOM.nextInt() & TS_MASK, RANDOM.nextInt(1 << 16), RANDOM.nextInt() & TS_MASK,
                frameSamples, clockRate);
    }

    public long ssrc() {
        return ssrc;
    }

    /** Stamps the next generated frame of {@code samples} samples. */
    public Stamp nextGenerated(int samples, long nowNanos) {
        boolean anchor = source != Source.GENERATED;
        long timestamp = anchor ? anchorTimestamp(nowNanos) : (lastTimestamp + samples) & TS_MASK;
        source = Source.GENERATED;
        return sent(nextSequence(), timestamp, anchor, nowNanos);
    }

    /** Advances the timestamp over a generated frame that is not sent (late tick, or sending not allowed). */
    public void skipGenerated(long samples) {
        if (source == Source.GENERATED) {
            lastTimestamp = (lastTimestamp + samples) & TS_MASK;
        }
    }

    /**
     * Stamps a relayed packet, or returns null if it should be dropped (it predates the switch to this source).
     * The marker is set on the first packet after a switch; the caller ORs in the packet's own marker.
     */
    public Stamp nextRelayed(long inSsrc, int inSequence, long inTimestamp, long nowNanos) {
        if (source == Source.RELAYED && inSsrc == relayedSsrc) {
            int sequence = (inSequence + sequenceOffset) & 0xFFFF;
            short ahead = (short) (sequence - lastSequence);
            if (ahead > 0 && ahead <= MAX_DROPOUT) {
                return sent(sequence, (inTimestamp + timestampOffset) & TS_MASK, false, nowNanos);
            }
            if (ahead <= 0 && ahead > -MAX_MISORDER) {
                // Late packet: pass it on with its own place in the sequence, unless it belongs before the switch.
                return (short) (sequence - anchorSequence) < 0
                        ? null : new Stamp(sequence, (inTimestamp + timestampOffset) & TS_MASK, false);
            }
            // Otherwise the source restarted its numbering: treat it as a new source.
        }
        int sequence = nextSequence();
        long timestamp = anchorTimestamp(nowNanos);
        source = Source.RELAYED;
        relayedSsrc = inSsrc;
        sequenceOffset = (sequence - inSequence) & 0xFFFF;
        timestampOffset = (timestamp - inTimestamp) & TS_MASK;
        anchorSequence = sequence;
        return sent(sequence, timestamp, true, nowNanos);
    }

    /**
     * The RTP timestamp that corresponds to {@code nowNanos} on this stream's clock (the last timestamp sent plus
     * the time since), as an RTCP sender report must pair it with its NTP time (RFC 3550 section 6.4.1).
     */
    public long timestampAt(long nowNanos) {
        if (!started) {
            return firstTimestamp;
        }
        return (lastTimestamp + samplesSinceLastSent(nowNanos)) & TS_MASK;
    }

    /** The current source ended (treatment stopped, bridge gone): the next packet starts a new talk-spurt. */
    public void endOfSource() {
        source = Source.NONE;
    }

    private int nextSequence() {
        return (lastSequence + 1) & 0xFFFF;
    }

    private long anchorTimestamp(long nowNanos) {
        if (!started) {
            return firstTimestamp;
        }
        return (lastTimestamp + Math.max(frameSamples, samplesSinceLastSent(nowNanos))) & TS_MASK;
    }

    private long samplesSinceLastSent(long nowNanos) {
        return Math.max(0, nowNanos - lastSentNanos) * clockRate / 1_000_000_000L;
    }

    private Stamp sent(int sequence, long timestamp, boolean marker, long nowNanos) {
        started = true;
        lastSequence = sequence;
        // Timestamps only move forward (a late relayed packet never pulls them back).
        if (marker || (int) (timestamp - lastTimestamp) > 0) {
            lastTimestamp = timestamp;
        }
        lastSentNanos = nowNanos;
        return new Stamp(sequence, timestamp, marker);
    }
}
