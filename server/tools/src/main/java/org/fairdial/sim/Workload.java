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
 * @param segments          changes of the shift's conditions (answer rate, times, talk, wrap-up, team logged in,
 *                          lead mix), applied after the steps at the same time
 */
public record Workload(String name, String profile, double abandonCap, ZoneId zone, Instant start,
                       double shiftSeconds, int agents, double answerProbability, double busyShare,
                       double invalidShare, Distribution timeToAnswer, Distribution ringTimeout,
                       Distribution busyTime, Distribution invalidTime, Distribution talk, Distribution wrapUp,
                       List<Step> steps, List<Segment> segments) {

    public Workload {
        steps = List.copyOf(steps);
        segments = List.copyOf(segments);
    }

    /** A workload whose conditions change only by answer-probability steps. */
    public Workload(String name, String profile, double abandonCap, ZoneId zone, Instant start,
                    double shiftSeconds, int agents, double answerProbability, double busyShare,
                    double invalidShare, Distribution timeToAnswer, Distribution ringTimeout,
                    Distribution busyTime, Distribution invalidTime, Distribution talk, Distribution wrapUp,
                    List<Step> steps) {
        this(name, profile, abandonCap, zone, start, shiftSeconds, agents, answerProbability, busyShare,
                invalidShare, timeToAnswer, ringTimeout, busyTime, invalidTime, talk, wrapUp, steps, List.of());
    }

    /** Answer probability for a dial placed {@code seconds} into the shift (without a lead mix). */
    public double answerProbabilityAt(double seconds) {
        return conditionsAt(seconds).answerProbability();
    }

    /** What holds {@code seconds} into the shift: the base, then every step and segment reached, in time order. */
    public Conditions conditionsAt(double seconds) {
        Conditions c = new Conditions(answerProbability, timeToAnswer, talk, wrapUp, 1.0, List.of());
        int i = 0;
        int j = 0;
        while (true) {
            double step = i < steps.size() ? steps.get(i).atSeconds() : Double.POSITIVE_INFINITY;
            double seg = j < segments.size() ? segments.get(j).atSeconds() : Double.POSITIVE_INFINITY;
            if (Math.min(step, seg) > seconds) {
                return c;
            }
            if (step <= seg) {
                Step s = steps.get(i++);
                c = new Conditions(s.answerProbability(), c.timeToAnswer(), c.talk(), c.wrapUp(), c.loggedIn(),
                        List.of());
            } else {
                c = segments.get(j++).applyTo(c);
            }
        }
    }

    /** The same workload with another team size (segments' logged-in shares scale with it). */
    public Workload withAgents(int n) {
        return new Workload(name, profile, abandonCap, zone, start, shiftSeconds, n, answerProbability, busyShare,
                invalidShare, timeToAnswer, ringTimeout, busyTime, invalidTime, talk, wrapUp, steps, segments);
    }

    /**
     * Clairvoyant bound on talk occupancy: every logged-in agent always talking or in wrap-up, with each
     * segment's talk and wrap-up means, weighted by its length and logged-in share.
     */
    public double clairvoyantBound() {
        double sum = 0;
        double from = 0;
        Conditions c = conditionsAt(0);
        List<Double> changes = new java.util.ArrayList<>();
        steps.forEach(s -> changes.add(s.atSeconds()));
        segments.forEach(s -> changes.add(s.atSeconds()));
        changes.add(shiftSeconds);
        changes.sort(Double::compare);
        for (double to : changes) {
            double end = Math.min(to, shiftSeconds);
            if (end > from) {
                sum += (end - from) * c.loggedIn() * c.talk().mean() / (c.talk().mean() + c.wrapUp().mean());
                from = end;
            }
            c = conditionsAt(to);
        }
        return sum / shiftSeconds;
    }

    /**
     * The conditions at one time of the shift.
     *
     * @param answerProbability share of dials a person answers (when there is no lead mix)
     * @param timeToAnswer      from INVITE to answer
     * @param talk              talk time
     * @param wrapUp            wrap-up time
     * @param loggedIn          share of the team logged in (the others are on a break)
     * @param leadMix           the kinds of leads dialed, by share; empty: one kind, {@code answerProbability}
     */
    public record Conditions(double answerProbability, Distribution timeToAnswer, Distribution talk,
                             Distribution wrapUp, double loggedIn, List<Lead> leadMix) {
    }

    /**
     * From {@code atSeconds} into the shift, what changes (null: as before). A new answer probability replaces a
     * lead mix, a new lead mix replaces the answer probability.
     */
    public record Segment(double atSeconds, Double answerProbability, Distribution timeToAnswer,
                          Distribution talk, Distribution wrapUp, Double loggedIn, List<Lead> leadMix) {

        Conditions applyTo(Conditions c) {
            return new Conditions(answerProbability != null ? answerProbability : c.answerProbability(),
                    timeToAnswer != null ? timeToAnswer : c.timeToAnswer(), talk != null ? talk : c.talk(),
                    wrapUp != null ? wrapUp : c.wrapUp(), loggedIn != null ? loggedIn : c.loggedIn(),
                    leadMix != null ? List.copyOf(leadMix) : answerProbability != null ? List.of() : c.leadMix());
        }
    }

    /**
     * One kind of lead in a mix: its share of the dials, the share of them a person answers, and its time to
     * answer (null: the segment's).
     */
    public record Lead(double share, double answerProbability, Distribution timeToAnswer) {
    }

    /** From {@code atSeconds} into the shift, dials are answered with {@code answerProbability}. */
    public record Step(double atSeconds, double answerProbability) {
    }
}
