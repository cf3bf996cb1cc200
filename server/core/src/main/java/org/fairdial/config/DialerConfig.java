package org.fairdial.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaEngineConfig;

/**
 * The whole validated configuration, built once at start-up by {@link DialerConfigLoader}.
 *
 * @param source    the operator file it was read from (null for a config built in code)
 * @param sip       signalling
 * @param media     RTP media plane
 * @param mediaEngine which engine carries RTP (built-in relay or Kurento) and how to reach Kurento
 * @param store     CDR and dialing-state store
 * @param agentPolicy how agents get calls and control themselves
 * @param calls     call control's timers
 * @param logging   log format and levels
 * @param shutdown  graceful shutdown
 * @param admin     operator HTTP surface (API, metrics, wallboard)
 * @param privacy   log masking, number hashing, retention of call-level personal data
 * @param profiles  jurisdiction profiles by name
 * @param trunks    trunks by name
 * @param agents    agent accounts by SIP user
 * @param srtp      which legs use SRTP (trunks', agents' and the agent policy's srtp keys)
 * @param campaigns campaigns by name
 * @param doNotCallRegistries national do-not-call registry files by name
 */
public record DialerConfig(
        Path source,
        SipConfig sip,
        MediaConfig media,
        MediaEngineConfig mediaEngine,
        StoreConfig store,
        AgentPolicyConfig agentPolicy,
        CallControlConfig calls,
        LoggingConfig logging,
        ShutdownConfig shutdown,
        AdminConfig admin,
        PrivacyConfig privacy,
        Map<String, JurisdictionProfile> profiles,
        Map<String, TrunkConfig> trunks,
        Map<String, AgentConfig> agents,
        SrtpPolicy srtp,
        Map<String, CampaignConfig> campaigns,
        Map<String, DncRegistryConfig> doNotCallRegistries) {

    public DialerConfig {
        profiles = Map.copyOf(profiles);
        trunks = Map.copyOf(trunks);
        agents = Map.copyOf(agents);
        campaigns = Map.copyOf(campaigns);
        doNotCallRegistries = Map.copyOf(doNotCallRegistries);
    }

    /**
     * This configuration with the sections a running server cannot swap (sockets, threads, store, agent policy,
     * call timers) taken from {@code running}: what a reload puts in force.
     */
    public DialerConfig keepingRestartOnlyFrom(DialerConfig running) {
        return new DialerConfig(source, running.sip, running.media, running.mediaEngine, running.store, running.agentPolicy,
                running.calls, logging,
                shutdown, admin, privacy.withEncryption(running.privacy.encryption()), profiles, trunks, agents,
                srtp, campaigns, doNotCallRegistries);
    }

    /** What {@code check} and the start-up log warn of about SRTP (keys over a transport without TLS). */
    public List<String> srtpWarnings() {
        return srtp.warnings(trunks, sip.transports().contains("tls"));
    }
}
