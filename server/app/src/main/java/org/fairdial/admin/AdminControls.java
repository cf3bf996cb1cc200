package org.fairdial.admin;

import java.util.Objects;

/**
 * The controls the API drives that live outside this package.
 *
 * @param agents    agent pause, ready and logout
 * @param doNotCall the do-not-call list
 * @param reloader  configuration reload
 */
public record AdminControls(AgentControl agents, DoNotCallControl doNotCall, ConfigReloader reloader) {
    public AdminControls {
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(doNotCall, "doNotCall");
        Objects.requireNonNull(reloader, "reloader");
    }
}
