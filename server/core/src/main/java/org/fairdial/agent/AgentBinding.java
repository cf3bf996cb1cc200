package org.fairdial.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent's registration binding (RFC 3261 10.3): where the phone is and until when, with where the REGISTER
 * came from and the Call-ID/CSeq that made it.
 *
 * @param sourceHost packet source of the REGISTER, or null when unknown
 * @param sourcePort its port, or 0 when unknown
 * @param transport  udp or tcp
 * @param callId     Call-ID of the REGISTER, or null
 * @param cseq       its CSeq number, or 0
 */
public record AgentBinding(String agentId, String contactUri, String sourceHost, int sourcePort, String transport,
                           Instant expiresAt, String callId, long cseq) {

    public AgentBinding {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (sourcePort < 0 || sourcePort > 65535) {
            throw new IllegalArgumentException("source port out of range: " + sourcePort);
        }
    }

    /** A binding known only by its contact (tests, tools): source unknown, UDP. */
    public static AgentBinding of(String agentId, String contactUri, Instant expiresAt) {
        return new AgentBinding(agentId, contactUri, null, 0, "udp", expiresAt, null, 0);
    }

    /** True once the binding has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
