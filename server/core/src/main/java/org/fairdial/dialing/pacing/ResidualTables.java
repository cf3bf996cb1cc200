package org.fairdial.dialing.pacing;

import java.time.Instant;

/**
 * Conditional probabilities over the next {@link #HORIZON} seconds, tabulated from {@link LiveEstimates} so a
 * decision only looks them up: that a talking agent (by elapsed talk) or an agent in wrap-up (by elapsed
 * wrap-up) is free within {@code k} seconds, and how a ringing call of a given age ends within {@code k} seconds.
 * The talk tables are rebuilt when the estimates changed and {@link #REFRESH_SECONDS} passed, the dial tables
 * every {@link #DIAL_REFRESH_SECONDS} and at once when the answer rate changed regime. The answer tables exist
 * twice: at the point estimate of the answer share (to compare with what arrives) and at its upper confidence
 * bound {@code p + z sqrt(p (1 - p) / n)}, {@code n} the dials the estimate rests on (what risk is computed on:
 * a young estimate, as after a change of regime, is uncertain and spends less).
 */
final class ResidualTables {
    /** Seconds ahead the pacer looks; step 1 s. */
    static final int HORIZON = 30;
    static final double REFRESH_SECONDS = 60;
    static final double DIAL_REFRESH_SECONDS = 5;
    /** Talk rows: every 2 s up to 400 s, then every 10 s up to 2000 s (the hazard changes slowly there). */
    private static final int FINE_ROWS = 200;
    private static final int TALK_ROWS = FINE_ROWS + 160;
    private static final double SHORT_STEP = 0.5;
    private static final int SHORT_ROWS = 180;
    private static final double TINY = 1e-9;

    final double[][] talkFree = new double[TALK_ROWS][HORIZON + 1];
    final double[][] wrapFree = new double[SHORT_ROWS][HORIZON + 1];
    /** For a dial still ringing at the row's age: answered within k seconds. */
    final double[][] answerIn = new double[SHORT_ROWS][HORIZON + 1];
    /** For a dial still ringing at the row's age: ended unanswered within k seconds. */
    final double[][] failIn = new double[SHORT_ROWS][HORIZON + 1];
    /** A new dial is answered within k seconds (answer probability included). */
    final double[] newAnswerBy = new double[HORIZON + 1];
    /** Share of a new dial's answers in the 1 s step around k (the last step takes all later answers). */
    final double[] answerWeight = new double[HORIZON + 1];
    /** The same for a ringing call and a new dial at the upper bound of the answer share. */
    final double[][] answerInUpper = new double[SHORT_ROWS][HORIZON + 1];
    final double[] newAnswerByUpper = new double[HORIZON + 1];
    /** A new dial is eventually answered: point estimate and upper bound. */
    double answerProbability;
    double answerProbabilityUpper;
    /**
     * The stress share: the highest upper bound seen this campaign, at least the prior's. A dead stretch can turn
     * hot at any moment, and the dials placed before the monitor sees it are answered at the new rate: the calls
     * in flight must stay within the headroom even if they are answered at this share.
     */
    double answerProbabilityStress;
    private double highestUpper;
    final double[][] answerInStress = new double[SHORT_ROWS][HORIZON + 1];
    final double[] newAnswerByStress = new double[HORIZON + 1];
    private long builtVersion = -1;
    private double builtAt = Double.NEGATIVE_INFINITY;
    private long dialsVersion = -1;
    private long dialsRegime = -1;
    private double dialsAt = Double.NEGATIVE_INFINITY;

    /** @param z standard deviations of the answer share's upper bound */
    void refresh(LiveEstimates e, Instant when, double z) {
        double now = e.seconds(when);
        if (builtVersion != e.version() && (builtVersion < 0 || now - builtAt >= REFRESH_SECONDS)) {
            builtVersion = e.version();
            builtAt = now;
            buildTalk(e, now);
        }
        if (dialsVersion != e.version() && (dialsRegime != e.regime() || now - dialsAt >= DIAL_REFRESH_SECONDS)) {
            dialsVersion = e.version();
            dialsRegime = e.regime();
            dialsAt = now;
            buildDials(e, now, z);
        }
    }

    private void buildTalk(LiveEstimates e, double now) {
        Cohort talk = e.talk();
        double[] talkRow = talk.incidence(now)[0];
        double talkMean = Math.max(e.meanTalk(), e.priors().talk());
        int span = talkElapsed(TALK_ROWS - 1) + HORIZON + 1;
        double[] cdf = new double[span];
        for (int i = 0; i < span; i++) {
            cdf[i] = talk.at(talkRow, i);
        }
        DurationEstimate wrap = e.wrapUp();
        // Wrap-up in whole seconds up to the horizon; the rest cannot end within it.
        double[] wrapMass = new double[HORIZON + 1];
        for (int w = 0; w <= HORIZON; w++) {
            wrapMass[w] = wrap.cdf(w + 0.5) - wrap.cdf(w - 0.5);
        }
        for (int r = 0; r < TALK_ROWS; r++) {
            int el = talkElapsed(r);
            double below = cdf[el];
            double alive = 1 - below;
            for (int k = 1; k <= HORIZON; k++) {
                double p = 0;
                for (int w = 0; w <= k; w++) {
                    if (wrapMass[w] > 1e-5) {
                        p += alive > TINY ? wrapMass[w] * Math.max(0, cdf[el + k - w] - below) / alive
                                : wrapMass[w] * (1 - Math.exp(-(k - w) / talkMean));
                    }
                }
                talkFree[r][k] = Math.min(1, p);
            }
        }
        int steps = SHORT_ROWS + (int) (HORIZON / SHORT_STEP) + 1;
        double[] wrapCdf = new double[steps];
        for (int i = 0; i < steps; i++) {
            wrapCdf[i] = wrap.cdf(i * SHORT_STEP);
        }
        int perSecond = (int) (1 / SHORT_STEP);
        for (int r = 0; r < SHORT_ROWS; r++) {
            double from = wrapCdf[r];
            double wrapAlive = 1 - from;
            for (int k = 1; k <= HORIZON; k++) {
                wrapFree[r][k] = wrapAlive > TINY ? (wrapCdf[r + k * perSecond] - from) / wrapAlive : 1;
            }
        }
    }

    private void buildDials(LiveEstimates e, double now, double z) {
        Cohort dials = e.dials();
        double[][] cif = dials.incidence(now);
        double[] answered = cif[LiveEstimates.ANSWERED];
        double[] failed = cif[LiveEstimates.UNANSWERED];
        answerProbability = answered[answered.length - 1];
        double p = answerProbability;
        answerProbabilityUpper = Math.min(1, p + z * Math.sqrt(Math.max(p * (1 - p), 0.01) / e.answerSampleSize()));
        highestUpper = Math.max(highestUpper, answerProbabilityUpper);
        answerProbabilityStress = Math.max(highestUpper, e.priors().answerProbability());
        for (int r = 0; r < SHORT_ROWS; r++) {
            double a = r * SHORT_STEP;
            double alive = 1 - dials.at(answered, a) - dials.at(failed, a);
            for (int k = 1; k <= HORIZON; k++) {
                failIn[r][k] = alive > TINY ? (dials.at(failed, a + k) - dials.at(failed, a)) / alive : 0;
            }
        }
        scaled(dials, answered, failed, -1, answerIn, newAnswerBy);
        scaled(dials, answered, failed, answerProbabilityUpper, answerInUpper, newAnswerByUpper);
        scaled(dials, answered, failed, answerProbabilityStress, answerInStress, newAnswerByStress);
        double last = 0;
        for (int k = 1; k <= HORIZON; k++) {
            double upTo = k == HORIZON ? answerProbability : dials.at(answered, k + 0.5);
            answerWeight[k] = answerProbability > TINY ? (upTo - last) / answerProbability : 0;
            last = upTo;
        }
    }

    /**
     * Answer tables for an answer share of {@code share} instead of the estimate's, with the estimate's answer
     * times: answers scaled by share / p, the other endings by what is left; a negative share: the estimate's.
     */
    private void scaled(Cohort dials, double[] answered, double[] failed, double share, double[][] rows,
                        double[] fresh) {
        double p = answerProbability;
        double answerScale = share < 0 ? 1 : p > TINY ? share / p : 1;
        double failScale = share < 0 ? 1 : p < 1 - TINY ? (1 - share) / (1 - p) : 0;
        for (int r = 0; r < SHORT_ROWS; r++) {
            double a = r * SHORT_STEP;
            double ans = dials.at(answered, a);
            double alive = 1 - ans * answerScale - dials.at(failed, a) * failScale;
            for (int k = 1; k <= HORIZON; k++) {
                double in = (dials.at(answered, a + k) - ans) * answerScale;
                rows[r][k] = alive > TINY ? Math.min(1, in / alive) : 0;
            }
        }
        for (int k = 1; k <= HORIZON; k++) {
            fresh[k] = Math.min(1, dials.at(answered, k) * answerScale);
        }
    }

    static int talkRow(double elapsed) {
        int fine = (int) (elapsed / 2);
        return fine < FINE_ROWS ? fine : Math.min(TALK_ROWS - 1, FINE_ROWS + (int) ((elapsed - 2 * FINE_ROWS) / 10));
    }

    private static int talkElapsed(int row) {
        return row < FINE_ROWS ? 2 * row : 2 * FINE_ROWS + 10 * (row - FINE_ROWS);
    }

    static int shortRow(double elapsed) {
        return Math.min(SHORT_ROWS - 1, (int) (elapsed / SHORT_STEP));
    }
}
