package org.fairdial.config;

/**
 * An agent account ({@code dialer.agents.ID}): the softphone registers as {@code ID} with digest auth.
 *
 * @param id          SIP user name of the agent
 * @param displayName name shown to supervisors
 * @param ha1         MD5(user:realm:password), lower-case hex: we never keep the clear password
 */
public record AgentConfig(String id, String displayName, String ha1) {
    @Override
    public String toString() {
        return "AgentConfig[" + id + "]";
    }
}
