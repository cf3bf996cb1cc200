package org.fairdial.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.CampaignConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.CampaignStats;
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
     */
    record Campaign(String name, boolean running, String profile, String trunk, double dialRatio,
                    double abandonRate, double abandonRateCap, Stats stats) {
    }

    /** Counts of one campaign (see {@link CampaignStats.Snapshot}). */
    record Stats(long dialed, long answered, long bridged, long abandoned, long busy, long noAnswer, long failed,
                 double abandonRate, long worstAbandonMs) {
    }

    /** An agent: its state and for how long it has been in it. */
    record Agent(String id, String displayName, String state, Instant since, long secondsInState,
                 boolean registered, String contact, long callsHandled) {
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
                config.dialRatio(), s.abandonRate(), config.profile().abandonRateCap(), stats(s));
    }

    static Stats stats(CampaignStats.Snapshot s) {
        return new Stats(s.dialed(), s.answered(), s.bridged(), s.abandoned(), s.busy(), s.noAnswer(), s.failed(),
                s.abandonRate(), s.worstAbandonMs());
    }

    static Agent agent(AgentSnapshot a, AgentConfig account, Instant now) {
        return new Agent(a.id(), account == null ? a.id() : account.displayName(), a.state().name(), a.since(),
                Math.max(0, Duration.between(a.since(), now).toSeconds()), a.contact() != null, a.contact(),
                a.callsHandled());
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

    static String number(String number, boolean full, NumberMask mask) {
        return full || number == null ? number : mask.mask(number);
    }
}
