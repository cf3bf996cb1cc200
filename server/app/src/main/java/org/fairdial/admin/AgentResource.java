package org.fairdial.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.time.format.DateTimeParseException;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.dialing.DispositionDesk;
import org.fairdial.dialing.DispositionResult;
import org.fairdial.config.AdminConfig.Role;

/**
 * {@code /api/agents}: agents with their state and time in state; pause (with a reason code), ready and logout
 * through {@link AgentControl} (supervisor).
 */
final class AgentResource {
    private final AdminContext dialer;

    AgentResource(AdminContext dialer) {
        this.dialer = dialer;
    }

    void register(Router router) {
        router.add("GET", "/api/agents", Role.VIEWER, r -> ApiResponse.ok(list()))
                .add("GET", "/api/agents/{agent}", Role.VIEWER, r -> ApiResponse.ok(view(snapshot(r))))
                .add("POST", "/api/agents/{agent}/pause", Role.SUPERVISOR, this::pause)
                .add("POST", "/api/agents/{agent}/ready", Role.SUPERVISOR, r -> {
                    String id = snapshot(r).id();
                    dialer.controls().agents().ready(id);
                    return ApiResponse.ok(view(snapshot(r)));
                })
                .add("POST", "/api/agents/{agent}/disposition", Role.SUPERVISOR, this::disposition)
                .add("POST", "/api/agents/{agent}/logout", Role.SUPERVISOR, r -> {
                    String id = snapshot(r).id();
                    dialer.controls().agents().logout(id);
                    return ApiResponse.ok(view(snapshot(r)));
                });
    }

    List<Views.Agent> list() {
        Instant now = dialer.clock().instant();
        return dialer.agents().snapshot().stream()
                .map(a -> Views.agent(a, dialer.config().agents().get(a.id()), now)).toList();
    }

    private ApiResponse pause(ApiRequest request) {
        String id = snapshot(request).id();
        JsonNode body = Json.object(request.body());
        String reason = Json.text(body, "reason");
        dialer.controls().agents().pause(id, reason);
        return ApiResponse.ok(view(snapshot(request))).audited("reason " + reason, "reason " + reason);
    }

    /**
     * Ends the agent's wrap-up with a disposition: {@code {"code": "CALLBACK", "callbackAt": "2025-06-14T10:00:00Z"}}
     * ({@code callbackAt} only for CALLBACK, optional). 400 for a code no campaign has; 409 when the agent has no
     * call to dispose of or its call's campaign has no such code.
     */
    private ApiResponse disposition(ApiRequest request) {
        String id = snapshot(request).id();
        JsonNode body = Json.object(request.body());
        String code = Json.text(body, "code");
        if (dialer.config().campaigns().values().stream().noneMatch(c -> c.dispositions().codes().contains(code))) {
            throw ApiException.badRequest("code", "'" + code + "' is no campaign's disposition code");
        }
        Instant callbackAt = null;
        if (body.hasNonNull("callbackAt")) {
            try {
                callbackAt = Instant.parse(body.get("callbackAt").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("callbackAt", "is not an ISO-8601 instant: " + e.getMessage());
            }
        }
        DispositionResult result = new DispositionDesk(() -> dialer.campaigns().values())
                .dispose(id, code, callbackAt).join();
        if (!result.recorded()) {
            throw new ApiException(409, "code", result.refusal());
        }
        return ApiResponse.ok(result).audited("disposition " + code, "disposition " + code);
    }

    private Views.Agent view(AgentSnapshot snapshot) {
        return Views.agent(snapshot, dialer.config().agents().get(snapshot.id()), dialer.clock().instant());
    }

    private AgentSnapshot snapshot(ApiRequest request) {
        String id = request.param("agent");
        return dialer.agents().snapshot().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("agent", "no agent '" + id + "'"));
    }
}
