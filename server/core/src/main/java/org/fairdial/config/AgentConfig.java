package org.fairdial.config;

/**
 * An agent account ({@code dialer.agents.ID}): the softphone registers as {@code ID} with digest auth.
 *
 * @param id          SIP user name of the agent
 * @param displayName name shown to supervisors
 * @param ha1         MD5(user:realm:password), lower-case hex: we never keep the clear password
 * @param ha1Sha256   SHA-256(user:realm:password) for RFC 8760 digest, lower-case hex; null when the
 *                    configuration gives only the MD5 {@code ha1} (the agent then cannot answer SHA-256)
 */
public record AgentConfig(String id, String displayName, String ha1, String ha1Sha256) {
    /** An agent with an MD5 HA1 only. */
    public AgentConfig(String id, String displayName, String ha1) {
        this(id, displayName, ha1, null);
    }

    @Override
    public String toString() {
        return "AgentConfig[" + id + "]";
    }
}
