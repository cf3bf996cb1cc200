package org.fairdial.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fairdial.media.sdp.SrtpMode;

/** Reads the {@code srtp} keys of trunks, agents and the agent policy into one {@link SrtpPolicy}. */
final class SrtpReader {
    private final ConfigReader r;

    SrtpReader(ConfigReader r) {
        this.r = r;
    }

    /**
     * @param mediaEngineHasSrtp false for an engine that carries plain RTP only (Kurento here): any srtp other
     *                           than off is then refused at its key instead of failing every call
     */
    SrtpPolicy read(Set<String> trunks, Set<String> agents, boolean mediaEngineHasSrtp) {
        SrtpMode agentDefault = mode("dialer.agent-policy.srtp", SrtpMode.OFF, mediaEngineHasSrtp);
        Map<String, SrtpMode> trunkModes = new LinkedHashMap<>();
        for (String name : trunks) {
            trunkModes.put(name, mode("dialer.trunks." + name + ".srtp", SrtpMode.OFF, mediaEngineHasSrtp));
        }
        Map<String, SrtpMode> agentModes = new LinkedHashMap<>();
        for (String id : agents) {
            agentModes.put(id, mode("dialer.agents." + id + ".srtp", agentDefault, mediaEngineHasSrtp));
        }
        return new SrtpPolicy(trunkModes, agentModes, agentDefault);
    }

    private SrtpMode mode(String path, SrtpMode fallback, boolean engineHasSrtp) {
        if (!r.has(path)) {
            return fallback;
        }
        SrtpMode mode = SrtpMode.parse(r.string(path));
        if (mode == null) {
            r.problem(path, "must be off, offered or required");
            return fallback;
        }
        if (mode != SrtpMode.OFF && !engineHasSrtp) {
            r.problem(path, "is " + mode.configName() + ", but dialer.media.engine = kurento carries no SRTP here:"
                    + " use engine builtin, or srtp = off");
            return SrtpMode.OFF;
        }
        return mode;
    }
}
