package org.fairdial.admin;

import java.util.List;
import java.util.Map;
import org.fairdial.auth.AuthLockouts;
import org.fairdial.config.AdminConfig.Role;

/**
 * {@code /api/security/lockouts}: the failed-authentication lockouts in force (supervisor), and lifting them
 * (admin): all, or those of one source address ({@code ?source=}) and/or one user ({@code ?user=}).
 */
final class SecurityResource {
    private final AuthLockouts lockouts;

    SecurityResource(AuthLockouts lockouts) {
        this.lockouts = lockouts;
    }

    void register(Router router) {
        router.add("GET", "/api/security/lockouts", Role.SUPERVISOR,
                r -> ApiResponse.ok(Json.object("lockouts", view(lockouts.active()))))
                .add("DELETE", "/api/security/lockouts", Role.ADMIN, r -> {
                    String source = r.query("source");
                    String user = r.query("user");
                    List<AuthLockouts.Lockout> lifted = lockouts.clear(source, user);
                    String detail = "clear lockouts" + (source == null ? "" : " source=" + source)
                            + (user == null ? "" : " user=" + user) + ": " + lifted.size();
                    return ApiResponse.ok(Json.object("cleared", view(lifted))).audited(detail, detail);
                });
    }

    private static List<Map<String, Object>> view(List<AuthLockouts.Lockout> list) {
        return list.stream().map(l -> Json.object("scope", l.scope().name().toLowerCase(java.util.Locale.ROOT),
                "source", l.source(), "user", l.user(), "failures", l.failures(), "since", l.since().toString(),
                "until", l.until().toString())).toList();
    }
}
