package org.fairdial.config;

import java.time.Duration;
import java.util.List;

/**
 * How agents are handed calls and control themselves ({@code dialer.agent-policy}).
 *
 * @param strategy     which available agent takes the next call
 * @param pauseReasons reason codes an agent may pause with (the first is the default)
 * @param pauseCode    feature code to pause, optionally followed by the reason's number ({@code *55}, {@code *552})
 * @param readyCode    feature code to become available again ({@code *56})
 * @param rtpTimeout   a bridged agent sending no RTP this long is taken as gone; zero turns the check off
 * @param backoff      how long an agent whose phone failed a bridge stays out of rotation
 * @param dispositionCode feature code that ends wrap-up with the campaign's disposition number N ({@code *7N})
 */
public record AgentPolicyConfig(NextAgentStrategy strategy, List<String> pauseReasons, String pauseCode,
                                String readyCode, Duration rtpTimeout, AgentBackoff backoff,
                                String dispositionCode) {
    public AgentPolicyConfig {
        pauseReasons = List.copyOf(pauseReasons);
    }
}
