package org.fairdial.app;

import java.time.InstantSource;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.fairdial.admin.AdminControls;
import org.fairdial.admin.AgentControl;
import org.fairdial.admin.ConfigReloader;
import org.fairdial.admin.DoNotCallControl;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.config.AgentPolicyConfig;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.ports.DoNotCallSource;

/** What the admin API steers outside its package: agents, the internal do-not-call list, configuration reload. */
final class OperatorControls {
    private OperatorControls() {
    }

    static AdminControls of(AgentRegistry agents, AgentPolicyConfig policy, Supplier<DoNotCallLists> doNotCall,
                            ConfigReload reload, InstantSource clock) {
        return new AdminControls(agentControl(agents, policy), doNotCallControl(doNotCall, clock),
                reload != null ? reload : ConfigReloader.unavailable());
    }

    private static AgentControl agentControl(AgentRegistry agents, AgentPolicyConfig policy) {
        return new AgentControl() {
            @Override
            public void pause(String agentId, String reason) {
                String code = reason == null ? policy.pauseReasons().get(0) : reason;
                if (!policy.pauseReasons().contains(code)) {
                    throw new IllegalArgumentException("reason '" + code + "' is not one of "
                            + policy.pauseReasons());
                }
                requireLoggedIn(agentId);
                agents.pause(agentId, code);
            }

            @Override
            public void ready(String agentId) {
                requireLoggedIn(agentId);
                agents.ready(agentId);
            }

            @Override
            public void logout(String agentId) {
                agents.logout(agentId);
            }

            private void requireLoggedIn(String agentId) {
                AgentSnapshot agent = agents.snapshot().stream().filter(a -> a.id().equals(agentId)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no agent " + agentId));
                if (agent.state() == AgentState.LOGGED_OUT) {
                    throw new IllegalStateException("agent " + agentId + " is logged out");
                }
            }
        };
    }

    private static DoNotCallControl doNotCallControl(Supplier<DoNotCallLists> lists, InstantSource clock) {
        return new DoNotCallControl() {
            @Override
            public void add(String e164, String reason) {
                lists.get().addInternal(e164, DoNotCallSource.API, reason, clock.instant());
            }

            @Override
            public boolean remove(String e164) {
                return lists.get().removeInternal(e164);
            }

            @Override
            public boolean contains(String e164) {
                return lists.get().matchAny(e164) != null;
            }

            @Override
            public Map<String, Instant> registryDownloads() {
                return lists.get().downloadedAt();
            }
        };
    }
}
