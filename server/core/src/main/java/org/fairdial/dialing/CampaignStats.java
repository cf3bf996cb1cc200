package org.fairdial.dialing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;

/** Running counts of one campaign, fed from its customer legs' CDRs; safe to read from any thread. */
public final class CampaignStats {
    private final AtomicLong dialed = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong bridged = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final LongAccumulator worstAbandonMs = new LongAccumulator(Math::max, 0);

    void dialed() {
        dialed.incrementAndGet();
    }

    void record(CdrLeg leg) {
        if (leg.kind() != LegKind.CUSTOMER) {
            return;
        }
        switch (leg.disposition()) {
            case ANSWERED -> {
                answered.incrementAndGet();
                bridged.incrementAndGet();
            }
            case ABANDONED -> {
                answered.incrementAndGet();
                abandoned.incrementAndGet();
                if (leg.answeredAt() != null) {
                    worstAbandonMs.accumulate(leg.endedAt().toEpochMilli() - leg.answeredAt().toEpochMilli());
                }
            }
            case BUSY -> busy.incrementAndGet();
            case NO_ANSWER, CANCELLED -> noAnswer.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            default -> throw new IllegalStateException("unknown disposition " + leg.disposition());
        }
    }

    /** Seeds the answered/abandoned counts from the store after a restart. */
    void seed(long answeredBefore, long abandonedBefore) {
        answered.addAndGet(answeredBefore);
        abandoned.addAndGet(abandonedBefore);
    }

    public Snapshot snapshot() {
        long a = answered.get();
        long ab = abandoned.get();
        return new Snapshot(dialed.get(), a, bridged.get(), ab, busy.get(), noAnswer.get(), failed.get(),
                a == 0 ? 0.0 : (double) ab / a, worstAbandonMs.get());
    }

    /**
     * Counts at one moment.
     *
     * @param abandonRate     abandoned / answered (callee answered, whether or not an agent talked)
     * @param worstAbandonMs  longest answer-to-BYE of an abandoned call, ms
     */
    public record Snapshot(long dialed, long answered, long bridged, long abandoned, long busy, long noAnswer,
                           long failed, double abandonRate, long worstAbandonMs) {
        /** Disposition counts this snapshot covers, for a check that every dial got an outcome. */
        public long finished() {
            return bridged + abandoned + busy + noAnswer + failed;
        }
    }

    static boolean countsAsAnswered(Disposition d) {
        return d == Disposition.ANSWERED || d == Disposition.ABANDONED;
    }
}
