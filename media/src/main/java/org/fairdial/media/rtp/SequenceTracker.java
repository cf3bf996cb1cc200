package org.fairdial.media.rtp;

/**
 * Loss estimate for a received RTP stream (RFC 3550 appendix A.1 and A.3): expected packets are the extended
 * highest sequence number minus the base plus one, lost is expected minus received, clamped at zero since
 * duplicates can make it negative. A jump of more than {@link RtpSender#MAX_DROPOUT} or a new SSRC is a restart
 * (after two consecutive packets agree, as in A.1); the loss counted so far is kept across restarts.
 *
 * <p>Not thread-safe: owned by the leg's event loop.
 */
public final class SequenceTracker {
    private static final int SEQ_MOD = 1 << 16;

    private boolean initialised;
    private long ssrc;
    private int baseSequence;
    private int maxSequence;
    private long cycles;
    private long received;
    private int badSequence = SEQ_MOD + 1;
    private long lostBefore;
    private long receivedBefore;

    /** Records one received packet. */
    public void update(long packetSsrc, int sequence) {
        if (!initialised || packetSsrc != ssrc) {
            restart(packetSsrc, sequence);
            return;
        }
        int delta = (sequence - maxSequence) & 0xFFFF;
        if (delta < RtpSender.MAX_DROPOUT) {
            if (sequence < maxSequence) {
                cycles += SEQ_MOD;
            }
            maxSequence = sequence;
        } else if (delta <= SEQ_MOD - RtpSender.MAX_MISORDER) {
            if (sequence != badSequence) {
                // A single far-away packet may be a stray; wait for the next one to confirm the jump.
                badSequence = (sequence + 1) & 0xFFFF;
                return;
            }
            restart(packetSsrc, sequence);
            return;
        }
        received++;
    }

    /** Packets missing so far (never negative). */
    public long lost() {
        return lostBefore + currentLost();
    }

    /** Packets counted as received so far, across restarts (what RFC 3550 A.3 compares with the expected). */
    public long received() {
        return receivedBefore + (initialised ? received : 0);
    }

    /** The current stream's extended highest sequence number (cycles in the upper 16 bits), for RTCP reports. */
    public long extendedHighestSequence() {
        return (cycles + maxSequence) & 0xFFFF_FFFFL;
    }

    /** SSRC of the current stream, or -1 before the first packet. */
    public long ssrc() {
        return initialised ? ssrc : -1;
    }

    private long currentLost() {
        if (!initialised) {
            return 0;
        }
        long expected = cycles + maxSequence - baseSequence + 1;
        return Math.max(0, expected - received);
    }

    private void restart(long packetSsrc, int sequence) {
        lostBefore += currentLost();
        receivedBefore += initialised ? received : 0;
        initialised = true;
        ssrc = packetSsrc;
        baseSequence = sequence;
        maxSequence = sequence;
        badSequence = SEQ_MOD + 1;
        cycles = 0;
        received = 1;
    }
}
