package org.fairdial.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.CampaignConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.CampaignStats;
import org.fairdial.dialing.IdleReason;
import org.fairdial.privacy.NumberMask;

/** The JSON shapes of the API's resources, built from the dialer's own types. */
final class Views {
    private Views() {
    }

    /**
     * A campaign and its counts.
     *
     * @param abandonRate    abandoned / answered since start (seeded from the store at start)
     * @param abandonRateCap the profile's cap the rate must stay under
     * @param dialRatio      pacing level: calls in flight per available agent
     * @param idle           why the running campaign dials nothing now (rule, reason, next dial time), or null
     */
    record Campaign(String name, boolean running, String profile, String trunk, double dialRatio,
                    double abandonRate, double abandonRateCap, Stats stats, IdleReason idle) {
    }

    /** Counts of one campaign (see {@link CampaignStats.Snapshot}). */
    record Stats(long dialed, long answered, long bridged, long abandoned, long busy, long noAnswer, long failed,
                 double abandonRate, long worstAbandonMs) {
    }

    /**
     * The open period of one regulatory window of a campaign, as its pacer counts it (the periods
     * {@code report compliance} prints).
     */
    record WindowStats(String window, String label, Instant start, Instant end, long answeredLive, long abandoned,
                       double abandonRate, double rateCap) {
    }

    /** A campaign's counts (as {@link Stats}) and the open period of each of its regulatory windows. */
    record CampaignStatsView(long dialed, long answered, long bridged, long abandoned, long busy, long noAnswer,
                             long failed, double abandonRate, long worstAbandonMs, List<WindowStats> windows) {
    }

    /**
     * An agent: its state and for how long it has been in it.
     *
     * @param failures  bridges its phone failed in a row (0: none; above 0 while available: on probation)
     * @param heldUntil out of rotation until then after a failed bridge, or null
     */
    record Agent(String id, String displayName, String state, Instant since, long secondsInState,
                 boolean registered, String contact, long callsHandled, int failures, Instant heldUntil) {
    }

    /** A live call; {@code startedAt}/{@code ageMs} are null for a call that began before the admin surface. */
    record Call(UUID callId, String campaign, String leadId, String number, String state, String agent,
                Instant startedAt, Long ageMs, Instant answeredAt, List<Leg> legs) {
    }

    /** One leg of a live call and where it is. */
    record Leg(String kind, String state) {
    }

    static Campaign campaign(CampaignRunner runner, CampaignConfig config) {
        CampaignStats.Snapshot s = runner.stats().snapshot();
        return new Campaign(runner.name(), runner.running(), config.profile().name(), config.trunk(),
                config.dialRatio(), s.abandonRate(), config.profile().abandonRateCap(), stats(s),
                runner.running() ? runner.idleReason() : null);
    }

    static Stats stats(CampaignStats.Snapshot s) {
        return new Stats(s.dialed(), s.answered(), s.bridged(), s.abandoned(), s.busy(), s.noAnswer(), s.failed(),
                s.abandonRate(), s.worstAbandonMs());
    }

    static CampaignStatsView stats(CampaignRunner runner) {
        List<WindowStats> windows = new ArrayList<>();
        String profile = runner.abandonRule().profile();
        double cap = runner.abandonRule().cap();
        for (AbandonAccountant.Period p : runner.openWindows()) {
            windows.add(new WindowStats(profile + ":" + p.window().kind(), p.window().label(), p.start(),
                    p.end().equals(Instant.MAX) ? null : p.end(), p.counts().live(), p.counts().abandoned(),
                    p.rate(), cap));
        }
        CampaignStats.Snapshot s = runner.stats().snapshot();
        return new CampaignStatsView(s.dialed(), s.answered(), s.bridged(), s.abandoned(), s.busy(), s.noAnswer(),
                s.failed(), s.abandonRate(), s.worstAbandonMs(), windows);
    }

    static Agent agent(AgentSnapshot a, AgentConfig account, Instant now) {
        return new Agent(a.id(), account == null ? a.id() : account.displayName(), a.state().name(), a.since(),
                Math.max(0, Duration.between(a.since(), now).toSeconds()), a.contact() != null, a.contact(),
                a.callsHandled(), a.failures(), a.heldUntil());
    }

    static Call call(CallSession call, LiveCalls.Times times, Instant now, boolean fullNumbers, NumberMask mask) {
        var status = call.status();
        List<Leg> legs = List.of(new Leg(LegKind.CUSTOMER.name(), status.state().name()),
                new Leg(LegKind.AGENT.name(), status.agentLeg().name()));
        Instant started = times == null ? null : times.startedAt();
        return new Call(call.callId(), call.plan().campaign().name(), number(call.plan().leadId(), fullNumbers, mask),
                number(call.plan().e164(), fullNumbers, mask), status.state().name(), call.agentId(), started,
                started == null ? null : Duration.between(started, now).toMillis(),
                times == null ? null : times.answeredAt(), legs);
    }

    /**
     * A CDR leg as stored; for viewers the callee's number is masked wherever it appears: the number fields and the
     * lead id (which is the number) of every leg, the customer leg's To URI, and the From URI of the agent leg,
     * which presents the callee's number to the agent's phone.
     */
    static ObjectNode cdr(CdrLeg leg, boolean fullNumbers, NumberMask mask) {
        ObjectNode node = Json.mapper().valueToTree(leg);
        if (!fullNumbers) {
            node.put("leadId", number(leg.leadId(), false, mask));
            node.put("dialedNumber", number(leg.dialedNumber(), false, mask));
            node.put("normalizedNumber", number(leg.normalizedNumber(), false, mask));
            node.put("fromUri", mask.scrub(leg.fromUri()));
            if (leg.kind() == LegKind.CUSTOMER) {
                node.put("toUri", leg.toUri() == null ? null : "sip:" + number(leg.normalizedNumber(), false, mask));
            } else {
                node.put("toUri", mask.scrub(leg.toUri()));
            }
        }
        return node;
    }

    /** The leg with the callee's lead id, numbers and URIs masked as the logs mask them (an export for a viewer). */
    static CdrLeg masked(CdrLeg leg, NumberMask mask) {
        String toUri = leg.kind() == LegKind.CUSTOMER && leg.toUri() != null
                ? "sip:" + number(leg.normalizedNumber(), false, mask) : mask.scrub(leg.toUri());
        return leg.withCallee(number(leg.leadId(), false, mask), number(leg.dialedNumber(), false, mask),
                number(leg.normalizedNumber(), false, mask), mask.scrub(leg.fromUri()), toUri);
    }

    static String number(String number, boolean full, NumberMask mask) {
        return full || number == null ? number : mask.mask(number);
    }
}
