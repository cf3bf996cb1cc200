package org.fairdial.sim;

import java.util.Arrays;

/**
 * What the simulator counts during a shift: talk seconds inside the shift, each connected call's preceding
 * idle time, dials, and every live answer's time and fate (for the rolling-hour rate).
 */
final class ShiftMetrics {
    private double talkSeconds;
    private double[] idle = new double[1024];
    private int connected;
    private double[] answerTimes = new double[1024];
    private boolean[] answerAbandoned = new boolean[1024];
    private int answers;
    private int abandoned;
    private long dials;
    private double overSeconds;
    private double watchedSeconds;

    void dialed() {
        dials++;
    }

    void connected(double at, double idleBefore, double talkInsideShift) {
        if (connected == idle.length) {
            idle = Arrays.copyOf(idle, connected * 2);
        }
        idle[connected++] = idleBefore;
        talkSeconds += talkInsideShift;
        answer(at, false);
    }

    void abandoned(double at) {
        abandoned++;
        answer(at, true);
    }

    private void answer(double at, boolean dropped) {
        if (answers == answerTimes.length) {
            answerTimes = Arrays.copyOf(answerTimes, answers * 2);
            answerAbandoned = Arrays.copyOf(answerAbandoned, answers * 2);
        }
        answerTimes[answers] = at;
        answerAbandoned[answers++] = dropped;
    }

    /**
     * Between {@code from} and {@code to} some current window's running rate was ({@code over}) or was not over
     * its cap; counted from the first hour on, when windows hold enough calls for a rate to mean something.
     */
    void overCap(boolean over, double from, double to) {
        double start = Math.max(from, 3600);
        if (to > start) {
            watchedSeconds += to - start;
            overSeconds += over ? to - start : 0;
        }
    }

    /** Share of the watched time (after the first hour) some window's running rate was over its cap. */
    double overCapShare() {
        return watchedSeconds == 0 ? 0 : overSeconds / watchedSeconds;
    }

    double talkSeconds() {
        return talkSeconds;
    }

    long dials() {
        return dials;
    }

    int connectedCalls() {
        return connected;
    }

    int abandonedCalls() {
        return abandoned;
    }

    double idleMean() {
        double sum = 0;
        for (int i = 0; i < connected; i++) {
            sum += idle[i];
        }
        return connected == 0 ? 0 : sum / connected;
    }

    double idleP90() {
        if (connected == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(idle, connected);
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.9 * connected) - 1];
    }

    /**
     * Highest abandoned / live rate over any hour of the shift (windows ending at each answer, from the first
     * full hour; the whole shift when it is shorter).
     */
    double worstRollingHour(double shiftSeconds) {
        double span = Math.min(3600, shiftSeconds);
        double worst = 0;
        int from = 0;
        int drops = 0;
        for (int to = 0; to < answers; to++) {
            drops += answerAbandoned[to] ? 1 : 0;
            while (answerTimes[from] <= answerTimes[to] - span) {
                drops -= answerAbandoned[from++] ? 1 : 0;
            }
            if (answerTimes[to] >= span - 1e-9 || to == answers - 1) {
                worst = Math.max(worst, (double) drops / (to - from + 1));
            }
        }
        return worst;
    }
}
