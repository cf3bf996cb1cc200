package org.fairdial.admin;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.agent.AgentListener;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallState;
import org.fairdial.call.CallStatus;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;

/**
 * Turns what happens in the dialer into stream events: call state changes and ends (from the call observer, on
 * the call's executor: it builds a small map and hands it over), agent state changes (from the agent
 * registry's listener: every transition, RESERVED and RINGING included) and campaign counter or state changes
 * (found by comparing snapshots every {@code poll}, as campaign runners have no change listener).
 *
 * <p>Event types: {@code call.dialing}, {@code call.ringing}, {@code call.answered}, {@code call.connecting},
 * {@code call.bridged}, {@code call.abandoned}, {@code call.ended}, {@code agent.state}, {@code campaign.stats}.
 */
final class DialerEvents implements CallObserver, AgentListener {
    private final AdminContext dialer;
    private final LiveCalls times;
    private final EventHub hub;
    private final CampaignResource campaigns;
    private Map<String, Views.Campaign> lastCampaigns = new HashMap<>();

    DialerEvents(AdminContext dialer, LiveCalls times, EventHub hub, CampaignResource campaigns) {
        this.dialer = dialer;
        this.times = times;
        this.hub = hub;
        this.campaigns = campaigns;
    }

    @Override
    public void stateChanged(CallSession call, CallStatus before, CallStatus after) {
        if (before.state() == after.state()) {
            return;
        }
        String type = switch (after.state()) {
            case DIALING -> "call.dialing";
            case RINGING -> "call.ringing";
            case ANSWERED -> "call.answered";
            case CONNECTING_AGENT -> "call.connecting";
            case BRIDGED -> "call.bridged";
            case ABANDONING -> "call.abandoned";
            default -> null; // NEW, CANCELLING, WAITING_FOR_AGENT (still call.answered); ENDED is call.ended
        };
        if (type == null) {
            return;
        }
        Instant now = dialer.clock().instant();
        LiveCalls.Times t = times.of(call.callId());
        hub.publish(type, Json.object("call", Views.call(call, t, now, true, dialer.numberMask())),
                Json.object("call", Views.call(call, t, now, false, dialer.numberMask())));
    }

    @Override
    public void legEnded(CallSession call, CdrLeg cdr) {
        if (cdr.kind() != LegKind.CUSTOMER) {
            return;
        }
        hub.publish("call.ended", ended(cdr, true), ended(cdr, false));
    }

    private Map<String, Object> ended(CdrLeg cdr, boolean full) {
        return Json.object("call", Json.object("callId", cdr.callId(), "campaign", cdr.campaign(),
                "leadId", Views.number(cdr.leadId(), full, dialer.numberMask()), "number", Views.number(cdr.normalizedNumber(), full, dialer.numberMask()),
                "state", CallState.ENDED.name(), "disposition", cdr.disposition().name(), "sipCode", cdr.sipCode(),
                "reason", cdr.sipReason(), "hangupSide", cdr.hangupSide().name(), "agent", cdr.agent(),
                "answeredAt", cdr.answeredAt(), "endedAt", cdr.endedAt(), "talkMs", cdr.talkMs()));
    }

    @Override
    public void stateChanged(AgentSnapshot before, AgentSnapshot after) {
        Views.Agent view = Views.agent(after, dialer.config().agents().get(after.id()), dialer.clock().instant());
        Map<String, Object> event = Json.object("agent", view, "previous", before.state().name());
        hub.publish("agent.state", event, event);
    }

    /** Publishes what changed since the last poll; runs on the admin scheduler thread only. */
    void poll() {
        Map<String, Views.Campaign> nowCampaigns = new HashMap<>();
        List<Views.Campaign> list = campaigns.list();
        for (Views.Campaign c : list) {
            nowCampaigns.put(c.name(), c);
            if (!c.equals(lastCampaigns.get(c.name()))) {
                Map<String, Object> event = Json.object("campaign", c);
                hub.publish("campaign.stats", event, event);
            }
        }
        lastCampaigns = nowCampaigns;
    }
}
