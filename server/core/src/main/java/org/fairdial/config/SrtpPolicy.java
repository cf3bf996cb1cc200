package org.fairdial.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairdial.media.sdp.SrtpMode;

/**
 * Which SRTP mode (off, offered, required; docs/security.md) each new leg uses: a customer leg its trunk's
 * ({@code dialer.trunks.NAME.srtp}), an agent leg its agent's ({@code dialer.agents.ID.srtp}, else
 * {@code dialer.agent-policy.srtp}). A reload changes the legs opened after it.
 *
 * @param trunks       trunks whose srtp is set, by name; the others are off
 * @param agents       agents whose srtp is set, by SIP user
 * @param agentDefault the mode of every other agent
 */
public record SrtpPolicy(Map<String, SrtpMode> trunks, Map<String, SrtpMode> agents, SrtpMode agentDefault) {
    /** Plain RTP on every leg. */
    public static final SrtpPolicy OFF = new SrtpPolicy(Map.of(), Map.of(), SrtpMode.OFF);

    public SrtpPolicy {
        trunks = Map.copyOf(trunks);
        agents = Map.copyOf(agents);
    }

    /** The mode of the customer legs placed through {@code trunk}. */
    public SrtpMode trunk(String trunk) {
        return trunks.getOrDefault(trunk, SrtpMode.OFF);
    }

    /** The mode of the legs to and from agent {@code agentId}. */
    public SrtpMode agent(String agentId) {
        return agents.getOrDefault(agentId, agentDefault);
    }

    /**
     * SDES keys travel in the SDP (RFC 4568 section 8.1): over UDP or TCP anyone on the path reads them and SRTP
     * protects nothing. One line for each trunk with SRTP on a transport other than tls, and one for the agents if
     * some use SRTP while the server takes no SIP over TLS.
     */
    public List<String> warnings(Map<String, TrunkConfig> trunkConfigs, boolean sipOverTls) {
        List<String> warnings = new ArrayList<>();
        trunkConfigs.forEach((name, trunk) -> {
            SrtpMode mode = trunk(name);
            if (mode != SrtpMode.OFF && !"tls".equals(trunk.transport())) {
                warnings.add("dialer.trunks." + name + ".srtp = " + mode.configName() + " over transport "
                        + trunk.transport() + ": the SDES keys cross the network in clear SDP; use transport tls");
            }
        });
        boolean agentsUseSrtp = agentDefault != SrtpMode.OFF || agents.values().stream()
                .anyMatch(mode -> mode != SrtpMode.OFF);
        if (agentsUseSrtp && !sipOverTls) {
            warnings.add("agents use SRTP but dialer.sip.transports has no tls: their SDES keys cross the network"
                    + " in clear SDP; add tls and register the softphones with transport=tls");
        }
        return warnings;
    }
}
