package org.fairdial.admin;

import java.time.InstantSource;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.privacy.NumberMask;
import org.fairdial.storage.AuditEntry;
import org.fairdial.storage.JdbcAuditRepository;
import org.fairdial.ports.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of state-changing requests, allowed or refused: one INFO line on logger
 * {@code org.fairdial.audit} (who, what, outcome, from where) and one row in {@code admin_audit}. A failing store
 * costs the row, logged, never the request. Also serves {@code GET /api/audit} (admin).
 */
final class AuditLog {
    private static final Logger AUDIT = LoggerFactory.getLogger("org.fairdial.audit");
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** A phone number in a path (do-not-call entries): masked in the log line like everywhere in our logs. */
    private static final Pattern NUMBER = Pattern.compile("(?<=/)\\+?[0-9]{7,15}(?=/|$)");

    private final JdbcAuditRepository repository;
    private final InstantSource clock;
    private final NumberMask mask;

    AuditLog(JdbcAuditRepository repository, InstantSource clock, NumberMask mask) {
        this.repository = repository;
        this.clock = clock;
        this.mask = mask;
    }

    void register(Router router) {
        router.add("GET", "/api/audit", Role.ADMIN,
                r -> ApiResponse.ok(repository.recent(r.intQuery("limit", 100, 1, 1000))));
    }

    /** Records one request; {@code principal} is null when no valid token came with it. */
    void record(Principal principal, String method, String path, int status, String remote,
                ApiResponse.Audit details) {
        String actor = principal == null ? "-" : principal.name();
        String role = principal == null ? null : principal.role().label();
        String logDetail = details == null || details.logDetail() == null ? "" : " (" + details.logDetail() + ")";
        AUDIT.info("{}{} {} {} -> {} from {}{}", actor, role == null ? "" : " [" + role + "]", method,
                NUMBER.matcher(path).replaceAll(m -> mask.mask(m.group())), status, remote, logDetail);
        try {
            repository.insert(new AuditEntry(UUID.randomUUID(), clock.instant(), actor, role, method + " " + path,
                    status, remote, details == null ? null : details.detail()));
        } catch (StoreException e) {
            LOG.warn("audit row not stored ({}), the log line above stands: {}", method + " " + path, e.getMessage());
        }
    }
}
