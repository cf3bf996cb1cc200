package org.fairdial.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A shift to simulate: the team, the callees' behaviour and the jurisdiction. Each dial is answered by a person
 * with {@link #answerProbabilityAt} (after a time to answer), busy, invalid, or else rings unanswered until the
 * ring timeout; the shares are fixed per dial, independent of how long it rings.
 *
 * @param name              label for reports
 * @param profile           jurisdiction profile whose abandon rule applies (a name under dialer.profiles)
 * @param abandonCap        that profile's cap
 * @param zone              callees' zone (day windows)
 * @param start             the shift's start
 * @param shiftSeconds      length of the shift
 * @param agents            agents logged in for the whole shift
 * @param answerProbability share of dials a person answers at the start
 * @param busyShare         share of dials that get busy
 * @param invalidShare      share of dials to invalid numbers
 * @param timeToAnswer      from INVITE to a person's answer
 * @param ringTimeout       how long an unanswered dial rings before we give up
 * @param busyTime          from INVITE to the busy signal
 * @param invalidTime       from INVITE to the failure
 * @param talk              talk time of a connected call
 * @param wrapUp            agent's wrap-up after each call
 * @param steps             changes of the answer probability during the shift
 */
public record Workload(String name, String profile, double abandonCap, ZoneId zone, Instant start,
                       double shiftSeconds, int agents, double answerProbability, double busyShare,
                       double invalidShare, Distribution timeToAnswer, Distribution ringTimeout,
                       Distribution busyTime, Distribution invalidTime, Distribution talk, Distribution wrapUp,
                       List<Step> steps) {

    public Workload {
        steps = List.copyOf(steps);
    }

    /** Answer probability for a dial placed {@code seconds} into the shift. */
    public double answerProbabilityAt(double seconds) {
        double p = answerProbability;
        for (Step s : steps) {
            if (seconds >= s.atSeconds()) {
                p = s.answerProbability();
            }
        }
        return p;
    }

    /** The same workload with another team size. */
    public Workload withAgents(int n) {
        return new Workload(name, profile, abandonCap, zone, start, shiftSeconds, n, answerProbability, busyShare,
                invalidShare, timeToAnswer, ringTimeout, busyTime, invalidTime, talk, wrapUp, steps);
    }

    /** Clairvoyant bound on talk occupancy: every agent always talking or in wrap-up. */
    public double clairvoyantBound() {
        return talk.mean() / (talk.mean() + wrapUp.mean());
    }

    /** From {@code atSeconds} into the shift, dials are answered with {@code answerProbability}. */
    public record Step(double atSeconds, double answerProbability) {
    }
}
