package org.fairdial.dialing.pacing;

/**
 * Detects a change of the answer rate soon after it happens: two Poisson CUSUMs compare the answers that arrive
 * with those the current estimate expects from the calls ringing (one tuned to a doubling, one to a halving).
 * A list sorted by source or time zone switches between dead and hot stretches; a cohort of the last hundreds of
 * dials would follow only minutes later, while the answers of the dials placed since the switch already count.
 * When one statistic crosses {@code threshold} the monitor reports the estimated change point (the last time
 * that statistic was zero) and restarts. Pure: fed by the pacer at every decision.
 */
final class AnswerRateMonitor {
    private static final double UP = 2;
    private static final double DOWN = 0.5;
    private final double threshold;
    private double up;
    private double down;
    private double upSince = Double.NaN;
    private double downSince = Double.NaN;
    private double last = Double.NaN;
    private double expectedRate;
    private long answersSeen = -1;

    /** @param threshold log-likelihood ratio at which a change is reported (higher: fewer false alarms, later) */
    AnswerRateMonitor(double threshold) {
        this.threshold = threshold;
    }

    /**
     * One decision's observation.
     *
     * @param now          seconds on the estimates' time base
     * @param answers      answers seen so far (all time)
     * @param expectedRate answers per second the current estimate expects from the calls ringing now
     * @return the change point (seconds) when a change is detected, else NaN
     */
    double observe(double now, long answers, double expectedRate) {
        double changeAt = Double.NaN;
        if (answersSeen >= 0) {
            double expected = this.expectedRate * Math.max(0, Math.min(2, now - last));
            long observed = answers - answersSeen;
            up = Math.max(0, up + observed * Math.log(UP) - (UP - 1) * expected);
            down = Math.max(0, down + observed * Math.log(DOWN) + (1 - DOWN) * expected);
            if (up == 0) {
                upSince = now;
            }
            if (down == 0) {
                downSince = now;
            }
            if (up > threshold || down > threshold) {
                changeAt = up > threshold ? upSince : downSince;
                up = 0;
                down = 0;
                upSince = now;
                downSince = now;
            }
        } else {
            upSince = now;
            downSince = now;
        }
        answersSeen = answers;
        last = now;
        this.expectedRate = expectedRate;
        return changeAt;
    }
}
