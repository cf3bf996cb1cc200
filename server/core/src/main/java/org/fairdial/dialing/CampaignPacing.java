package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.dialing.pacing.AbandonBudget;
import org.fairdial.dialing.pacing.AgentFailureRisk;
import org.fairdial.dialing.pacing.LiveEstimates;
import org.fairdial.dialing.pacing.Pacer;
import org.fairdial.dialing.pacing.PacingDecision;
import org.fairdial.dialing.pacing.PacingSnapshot;

/**
 * What one campaign's pacer learns and decides from, kept on the dialer thread: the calls still ringing (with
 * their age and whether an agent waits for them), the live estimates (answer rate, time to answer, talk and
 * wrap-up), and the abandon accountant of the campaign's regulatory windows. The predictive pacer spends that
 * budget itself; a fixed-ratio pacer is held to it here: a dial that could be abandoned is only allowed while
 * every window has room for the abandons it may cause, otherwise calls wait for an agent set aside first.
 *
 * <p>Agents fail too (issue 9): every live call in flight may be lost to an agent's phone, with the campaign's
 * {@link AgentFailureRisk}, so the budget every pacer sees is the windows' headroom minus those expected abandons.
 * An agent on probation (its phone failed its last bridge) is only set aside while that budget can absorb one
 * more abandoned call; agent-first dialing cannot protect against the agent itself.
 */
final class CampaignPacing {
    private final Pacer pacer;
    private final LiveEstimates estimates;
    private final AbandonAccountant accountant;
    /** The pacer does not watch the abandon budget itself (fixed ratio): the budget check below does. */
    private final boolean guarded;
    private final Map<UUID, Dial> dials = new HashMap<>();
    private final AgentFailureRisk agentRisk = new AgentFailureRisk();

    CampaignPacing(Function<AbandonBudget, Pacer> pacer, LiveEstimates estimates, AbandonAccountant accountant,
                   boolean guarded) {
        this.pacer = pacer.apply(this::headroom);
        this.estimates = estimates;
        this.accountant = accountant;
        this.guarded = guarded;
    }

    String mode() {
        return pacer.name();
    }

    AbandonAccountant accountant() {
        return accountant;
    }

    /** The campaign's agent-failure risk, for reports and tests. */
    AgentFailureRisk agentRisk() {
        return agentRisk;
    }

    /**
     * The windows' headroom once {@code expectedConnected} more calls are put through, less the abandons the calls
     * in flight are expected to cause through agents' phones failing.
     */
    double headroom(Instant now, double expectedConnected) {
        double inFlight = 0;
        double p = estimates.answerProbability(now);
        for (Dial d : dials.values()) {
            inFlight += d.answeredAt == null ? p : d.talkTicket < 0 ? 1 : 0;
        }
        return accountant.headroom(now, expectedConnected) - agentRisk.rate() * inFlight;
    }

    /** The budget can absorb one more abandoned call: an agent on probation may be set aside. */
    boolean absorbsAgentFailure(Instant now) {
        return headroom(now, 0) >= 1;
    }

    /**
     * How many calls to place now. The pacer's answer, made safe: if it wants calls that could be abandoned while
     * the windows' headroom cannot take the abandons those calls may cause, it gets agent-first calls instead.
     */
    PacingDecision decide(Instant now, List<AgentSnapshot> agents) {
        PacingSnapshot snapshot = snapshot(now, agents, absorbsAgentFailure(now));
        PacingDecision wanted = pacer.decide(snapshot);
        if (!guarded || wanted.callsToStart() == 0 || wanted.reserveAgentFirst()) {
            return wanted;
        }
        double expectedAnswers = (snapshot.unreservedRinging() + wanted.callsToStart())
                * estimates.answerProbability(now);
        double atRisk = Math.max(0, expectedAnswers - snapshot.agentsAvailable());
        if (headroom(now, 0) < Math.max(1, atRisk)) {
            int agentsFree = snapshot.agentsAvailable();
            return agentsFree == 0 ? PacingDecision.NONE : new PacingDecision(agentsFree, true);
        }
        return wanted;
    }

    private PacingSnapshot snapshot(Instant now, List<AgentSnapshot> agents, boolean probationToo) {
        int available = 0;
        List<PacingSnapshot.BusyAgent> busy = new ArrayList<>();
        for (AgentSnapshot a : agents) {
            double elapsed = Math.max(0, Duration.between(a.since(), now).toMillis() / 1000.0);
            if (a.state() == AgentState.AVAILABLE && a.contact() != null) {
                available += probationToo || !a.onProbation() ? 1 : 0;
            } else if (a.state() == AgentState.TALKING) {
                busy.add(new PacingSnapshot.BusyAgent(false, elapsed));
            } else if (a.state() == AgentState.WRAP_UP) {
                busy.add(new PacingSnapshot.BusyAgent(true, elapsed));
            }
        }
        List<PacingSnapshot.RingingCall> ringing = new ArrayList<>();
        for (Dial d : dials.values()) {
            if (d.answeredAt == null) {
                ringing.add(new PacingSnapshot.RingingCall(Duration.between(d.placedAt, now).toMillis() / 1000.0,
                        d.reserved));
            }
        }
        return new PacingSnapshot(now, available, busy, ringing);
    }

    void placed(UUID call, Instant at, boolean reserved) {
        dials.put(call, new Dial(at, reserved, estimates.dialPlaced(at)));
    }

    void answered(UUID call, Instant at) {
        Dial d = dials.get(call);
        if (d != null && d.answeredAt == null) {
            d.answeredAt = at;
            estimates.dialAnswered(d.ticket, at);
        }
    }

    /** A call counts in the window holding its answer time, as the store's replay and the report count it. */
    void bridged(UUID call, Instant at) {
        Dial d = dials.get(call);
        if (d != null && d.talkTicket < 0) {
            d.talkTicket = estimates.talkStarted(at);
            accountant.connected(d.answeredAt != null ? d.answeredAt : at);
        }
    }

    /** The customer leg ended; an abandoned call counts at its answer time, in the window it was answered in. */
    void ended(UUID call, Instant at, boolean abandoned, Instant answeredAt) {
        ended(call, at, abandoned, answeredAt, false);
    }

    /**
     * The same; {@code agentFailed} when the call was answered, an agent was handed it and the agent's phone never
     * took it (a bridge attempt that failed, for the agent-failure risk).
     */
    void ended(UUID call, Instant at, boolean abandoned, Instant answeredAt, boolean agentFailed) {
        Dial d = dials.remove(call);
        if (agentFailed) {
            agentRisk.attempt(true);
        } else if (d != null && d.talkTicket >= 0) {
            agentRisk.attempt(false);
        }
        if (abandoned) {
            accountant.abandoned(answeredAt != null ? answeredAt : at);
        }
        if (d == null) {
            return;
        }
        if (d.answeredAt == null && answeredAt == null) {
            estimates.dialUnanswered(d.ticket, at);
        } else if (d.answeredAt == null) {
            estimates.dialAnswered(d.ticket, answeredAt);
        }
        if (d.talkTicket >= 0) {
            estimates.talkEnded(d.talkTicket, at);
        }
    }

    void wrapUpEnded(Duration length) {
        estimates.wrapUpEnded(length);
    }

    /** Calls placed and not yet answered or ended. */
    int ringing() {
        int n = 0;
        for (Dial d : dials.values()) {
            n += d.answeredAt == null ? 1 : 0;
        }
        return n;
    }

    private static final class Dial {
        final Instant placedAt;
        final boolean reserved;
        final long ticket;
        Instant answeredAt;
        long talkTicket = -1;

        Dial(Instant placedAt, boolean reserved, long ticket) {
            this.placedAt = placedAt;
            this.reserved = reserved;
            this.ticket = ticket;
        }
    }
}
