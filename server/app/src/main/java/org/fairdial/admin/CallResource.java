package org.fairdial.admin;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallSession;
import org.fairdial.config.AdminConfig.Role;

/** {@code /api/calls}: the live calls, oldest first, with their legs, state, age and agent; hang one up (admin). */
final class CallResource {
    private final AdminContext dialer;
    private final LiveCalls times;

    CallResource(AdminContext dialer, LiveCalls times) {
        this.dialer = dialer;
        this.times = times;
    }

    void register(Router router) {
        router.add("GET", "/api/calls", Role.VIEWER, r -> ApiResponse.ok(list(r.principal().seesNumbers())))
                .add("GET", "/api/calls/{id}", Role.VIEWER,
                        r -> ApiResponse.ok(view(call(r), r.principal().seesNumbers())))
                .add("POST", "/api/calls/{id}/hangup", Role.ADMIN, r -> {
                    CallSession call = call(r);
                    call.post(new CallEvent.Hangup("hung up by an operator"));
                    return ApiResponse.json(202, Json.object("callId", call.callId(), "hangup", "requested"));
                });
    }

    List<Views.Call> list(boolean fullNumbers) {
        Instant now = dialer.clock().instant();
        return dialer.calls().live().stream()
                .map(c -> Views.call(c, times.of(c.callId()), now, fullNumbers, dialer.numberMask()))
                .sorted(Comparator.comparing(Views.Call::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private Views.Call view(CallSession call, boolean fullNumbers) {
        return Views.call(call, times.of(call.callId()), dialer.clock().instant(), fullNumbers,
                dialer.numberMask());
    }

    private CallSession call(ApiRequest request) {
        String raw = request.param("id");
        UUID id;
        try {
            id = UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", "is not a call id (UUID): '" + raw + "'");
        }
        return dialer.calls().live().stream().filter(c -> c.callId().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("id", "no live call " + id));
    }
}
