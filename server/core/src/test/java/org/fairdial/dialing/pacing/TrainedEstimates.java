package org.fairdial.dialing.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Live estimates fed with a steady reference-like history: 30% answered near 9 s, talk near 120 s. */
final class TrainedEstimates {
    static final Instant T0 = Instant.parse("2024-03-04T08:00:00Z");

    private TrainedEstimates() {
    }

    /** Estimates after an hour of history, ending at {@link #now()}. */
    static LiveEstimates reference() {
        LiveEstimates e = new LiveEstimates(LiveEstimates.Priors.defaults());
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 600; i++) {
            Instant placed = T0.plusSeconds(i * 5L);
            long ticket = e.dialPlaced(placed);
            if (r.nextDouble() < 0.3) {
                e.dialAnswered(ticket, placed.plusMillis((long) (1000 * (6 + 6 * r.nextDouble()))));
            } else {
                e.dialUnanswered(ticket, placed.plusMillis((long) (1000 * (15 + 15 * r.nextDouble()))));
            }
        }
        for (int i = 0; i < 400; i++) {
            Instant start = T0.plusSeconds(i * 7L);
            long ticket = e.talkStarted(start);
            double talk = 120 * Math.exp(0.6 * (r.nextDouble() - 0.5));
            e.talkEnded(ticket, start.plusMillis((long) (1000 * talk)));
            e.wrapUpEnded(Duration.ofMillis((long) (1000 * (5 + 10 * r.nextDouble()))));
        }
        return e;
    }

    static Instant now() {
        return T0.plusSeconds(3600);
    }
}
