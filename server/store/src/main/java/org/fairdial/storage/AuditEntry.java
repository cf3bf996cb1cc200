package org.fairdial.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the admin audit trail: who asked for what, when, and how it went.
 *
 * @param id     unique id
 * @param at     when the request was answered
 * @param actor  token name, or {@code -} when no valid token was given
 * @param role   the token's role, or null
 * @param action HTTP method and path, e.g. {@code POST /api/campaigns/spring/pause}
 * @param status HTTP status of the answer
 * @param remote client address
 * @param detail request details worth keeping (never a token), or null
 */
public record AuditEntry(UUID id, Instant at, String actor, String role, String action, int status, String remote,
                         String detail) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }
}
