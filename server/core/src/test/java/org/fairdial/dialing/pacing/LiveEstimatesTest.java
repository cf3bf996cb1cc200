package org.fairdial.dialing.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveEstimatesTest {
    private static final Instant T0 = Instant.parse("2024-03-04T08:00:00Z");

    @Test
    void outcomesStillRingingAreCensoredNotIgnored() {
        // 100 dials at once: 10 busy after 2 s, 30 answered at 9 s, 60 unanswered at 25 s. A plain ratio of the
        // outcomes back so far says 0% at 3 s and 75% at 10 s; the cohort keeps the ringing ones as censored.
        LiveEstimates e = new LiveEstimates(new LiveEstimates.Priors(0.3, 8, 20, 120, 10));
        long[] tickets = new long[100];
        for (int i = 0; i < 100; i++) {
            tickets[i] = e.dialPlaced(T0);
        }
        for (int i = 0; i < 10; i++) {
            e.dialUnanswered(tickets[i], T0.plusSeconds(2));
        }
        double at3 = e.answerProbability(T0.plusSeconds(3));
        assertTrue(at3 > 0.15, "estimate at 3 s: " + at3);
        for (int i = 10; i < 40; i++) {
            e.dialAnswered(tickets[i], T0.plusSeconds(9));
        }
        double at10 = e.answerProbability(T0.plusSeconds(10));
        assertTrue(at10 < 0.5, "estimate at 10 s: " + at10);
        for (int i = 40; i < 100; i++) {
            e.dialUnanswered(tickets[i], T0.plusSeconds(25));
        }
        assertEquals(0.3, e.answerProbability(T0.plusSeconds(60)), 0.02);
    }

    @Test
    void answerRateFollowsAStepWithinOneCohort() {
        LiveEstimates e = new LiveEstimates(LiveEstimates.Priors.defaults());
        Instant t = T0;
        for (int i = 0; i < 1000; i++) {
            long ticket = e.dialPlaced(t);
            boolean answered = i < 500 ? i % 10 < 3 : i % 20 < 3;
            if (answered) {
                e.dialAnswered(ticket, t.plusSeconds(9));
            } else {
                e.dialUnanswered(ticket, t.plusSeconds(20));
            }
            t = t.plusSeconds(1);
        }
        assertEquals(0.15, e.answerProbability(t.plusSeconds(60)), 0.02);
    }

    @Test
    void talkStillRunningCountsAsCensored() {
        // 200 calls started together; 100 ended at 30 s, 100 still talking at 200 s: half last beyond 200 s.
        // Counting only the ended ones would say none does.
        LiveEstimates e = new LiveEstimates(new LiveEstimates.Priors(0.3, 8, 20, 120, 10));
        long[] tickets = new long[200];
        for (int i = 0; i < 200; i++) {
            tickets[i] = e.talkStarted(T0);
        }
        for (int i = 0; i < 100; i++) {
            e.talkEnded(tickets[i], T0.plusSeconds(30));
        }
        double[] cdf = e.talk().incidence(e.seconds(T0.plusSeconds(200)))[0];
        double ended = e.talk().at(cdf, 199);
        assertTrue(ended > 0.45 && ended < 0.58, "P(talk <= 199 s) = " + ended);
    }

    @Test
    void unknownTicketsAreIgnored() {
        LiveEstimates e = new LiveEstimates(LiveEstimates.Priors.defaults());
        e.dialAnswered(42, T0);
        e.talkEnded(42, T0);
        assertEquals(0, e.dialsResolved());
    }
}
