package org.fairdial.dialing.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * The campaign statistics a predictive pacer needs, learnt from the campaign's own calls as they happen: how
 * dials end (answered by a person or not, and when) and how long agents talk and wrap up. Dials and calls are
 * followed from start to end (tickets), so calls still ringing or talking count as censored observations and a
 * young estimate is not biased towards quick endings. The dialer feeds every event; the pacer reads. Not
 * thread-safe (the campaign's dialer thread).
 */
public final class LiveEstimates {
    static final int ANSWERED = 0;
    static final int UNANSWERED = 1;
    private final Cohort dials;
    private final Cohort talk;
    private final DurationEstimate wrapUp;
    private final Priors priors;
    private Instant origin;
    private static final double DIAL_PRIOR_WEIGHT = 20;
    private long version;
    private long regime;

    /** Estimates that start from {@code priors} and follow the data. */
    public LiveEstimates(Priors priors) {
        this.priors = priors;
        dials = new Cohort(0.5, 120, 500, new double[] {priors.answerProbability(), 1 - priors.answerProbability()},
                new double[] {priors.timeToAnswer(), priors.unansweredRing()}, DIAL_PRIOR_WEIGHT);
        talk = new Cohort(1, 3600, 1000, new double[] {1}, new double[] {priors.talk()}, 10);
        wrapUp = new DurationEstimate(0.5, 120, 600, priors.wrapUp(), 10);
    }

    /** A dial's INVITE left at {@code at}; returns the ticket its outcome must carry. */
    public long dialPlaced(Instant at) {
        version++;
        return dials.open(seconds(at));
    }

    /** The dial was answered by a person at {@code at} (whether an agent took it or not). */
    public void dialAnswered(long ticket, Instant at) {
        version++;
        dials.close(ticket, seconds(at), ANSWERED);
    }

    /** The dial ended unanswered (busy, no answer, failed, cancelled at the ring timeout) at {@code at}. */
    public void dialUnanswered(long ticket, Instant at) {
        version++;
        dials.close(ticket, seconds(at), UNANSWERED);
    }

    /** An agent started talking to a callee at {@code at}; returns the ticket {@link #talkEnded} needs. */
    public long talkStarted(Instant at) {
        version++;
        return talk.open(seconds(at));
    }

    /** That talk ended at {@code at}; the agent is now in wrap-up. */
    public void talkEnded(long ticket, Instant at) {
        version++;
        talk.close(ticket, seconds(at), 0);
    }

    /** An agent's wrap-up ended after {@code length}. */
    public void wrapUpEnded(Duration length) {
        version++;
        wrapUp.add(length.toNanos() / 1e9);
    }

    /** Grows with every event, so readers can tell when to recompute what they derive. */
    public long version() {
        return version;
    }

    /** Share of dials a person answers, as estimated at {@code now}. */
    public double answerProbability(Instant now) {
        double[][] cif = dials.incidence(seconds(now));
        return cif[ANSWERED][cif[ANSWERED].length - 1];
    }

    /**
     * The answer rate changed around {@code since}: the dial estimate forgets the dials placed before it and
     * restarts from the prior and the dials placed since (young, hence uncertain: see
     * {@link #answerSampleSize}).
     */
    public void answerRateChanged(Instant since) {
        answerRateChangedAt(seconds(since));
    }

    void answerRateChangedAt(double since) {
        version++;
        regime++;
        dials.forgetBefore(since);
    }

    /** Grows with every {@link #answerRateChanged}. */
    public long regime() {
        return regime;
    }

    /** Answers by a person so far. */
    public long dialsAnswered() {
        return dials.closed(ANSWERED);
    }

    /**
     * Dials the current answer-rate estimate is worth (resolved dials of its cohort plus the prior's weight), as
     * of the last estimate: the variance of the answer share is about {@code p (1 - p) / n}.
     */
    public double answerSampleSize() {
        return dials.lastResolved() + DIAL_PRIOR_WEIGHT;
    }

    /** Dials whose outcome came back so far. */
    public long dialsResolved() {
        return dials.closed(ANSWERED) + dials.closed(UNANSWERED);
    }

    /** Mean talk of the calls ended so far, or the prior. */
    public double meanTalk() {
        return talk.meanClosed(0);
    }

    /** Mean wrap-up of the recent ones, or the prior. */
    public double meanWrapUp() {
        return wrapUp.mean();
    }

    public Priors priors() {
        return priors;
    }

    Cohort dials() {
        return dials;
    }

    Cohort talk() {
        return talk;
    }

    DurationEstimate wrapUp() {
        return wrapUp;
    }

    /** Seconds since the first event, the estimators' time base. */
    double seconds(Instant t) {
        if (origin == null) {
            origin = t;
        }
        return (t.getEpochSecond() - origin.getEpochSecond()) + (t.getNano() - origin.getNano()) / 1e9;
    }

    /**
     * Where the estimates start, before the campaign has data (a campaign's configuration may give its own).
     *
     * @param answerProbability share of dials a person answers
     * @param timeToAnswer      mean seconds from INVITE to answer
     * @param unansweredRing    mean seconds an unanswered dial occupies its line
     * @param talk              mean talk seconds
     * @param wrapUp            mean wrap-up seconds
     */
    public record Priors(double answerProbability, double timeToAnswer, double unansweredRing, double talk,
                         double wrapUp) {

        /**
         * Generic priors that lean towards dialing less until data arrive: 35% answered, 8 s to answer, 20 s
         * unanswered, 180 s talk, 15 s wrap-up.
         */
        public static Priors defaults() {
            return new Priors(0.35, 8, 20, 180, 15);
        }
    }
}
