package org.fairdial.dialing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.config.CampaignConfig;
import org.fairdial.ports.CdrDispositions;

/**
 * A campaign's agents in wrap-up with their last call waiting for a disposition, and what a disposition does to
 * the CDR, the lead, the abandon windows and the agent. Used on the campaign's loop thread only; the configuration
 * and gate are read at each disposition, as a reload may have swapped them.
 */
final class WrapUps {
    private final Map<String, Wrap> waiting = new HashMap<>();
    private final Supplier<CampaignConfig> config;
    private final Supplier<DialGate> gate;
    private final LeadQueue leads;
    private final CampaignPacing pacing;
    private final AgentRegistry agents;
    private volatile CdrDispositions cdr = (call, code) -> { };

    WrapUps(Supplier<CampaignConfig> config, Supplier<DialGate> gate, LeadQueue leads, CampaignPacing pacing,
            AgentRegistry agents) {
        this.config = config;
        this.gate = gate;
        this.leads = leads;
        this.pacing = pacing;
        this.agents = agents;
    }

    /** Where dispositions are written into the CDRs. */
    void writeTo(CdrDispositions sink) {
        this.cdr = sink;
    }

    /** {@code agentId} took {@code callId} (of {@code lead}, answered at {@code answeredAt}); its code is due. */
    void hold(String agentId, UUID callId, Lead lead, Instant answeredAt) {
        waiting.put(agentId, new Wrap(callId, lead, answeredAt));
    }

    boolean awaits(String agentId) {
        return waiting.containsKey(agentId);
    }

    /** See {@link CampaignRunner#dispose}. */
    DispositionResult dispose(String agentId, String code, Instant callbackAt, Instant now) {
        CampaignConfig c = config.get();
        if (!c.dispositions().codes().contains(code)) {
            return DispositionResult.refused(code, "campaign " + c.name() + " has no disposition " + code
                    + " (it has " + c.dispositions().codes() + ")");
        }
        Wrap wrap = waiting.remove(agentId);
        if (wrap == null) {
            return DispositionResult.refused(code, "agent " + agentId + " has no call of campaign "
                    + c.name() + " to dispose of");
        }
        DialGate g = gate.get();
        Instant callback = null;
        if (code.equals("CALLBACK")) {
            callback = g.callbackDue(wrap.lead(), callbackAt != null ? callbackAt
                    : now.plus(c.dispositions().callbackDelay()));
        }
        if (code.equals("ANSWERING_MACHINE")) {
            pacing.accountant().machine(wrap.answeredAt());
        }
        cdr.record(wrap.callId(), code);
        Instant next = g.disposed(wrap.lead(), code, agentId, callback, now);
        if (next != null) {
            leads.dueAt(next, wrap.lead());
            if (callback != null && c.dispositions().callbackAgentOnly()) {
                leads.own(wrap.lead(), agentId);
            }
        }
        agents.wrapUpDone(agentId);
        return new DispositionResult(true, c.name(), wrap.lead().id(), code, callback, null);
    }

    /** An agent's last call of this campaign, waiting for its disposition. */
    private record Wrap(UUID callId, Lead lead, Instant answeredAt) {
    }
}
