package org.fairdial.admin;

import java.util.List;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallState;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.config.CampaignConfig;
import org.fairdial.dialing.CampaignRunner;

/**
 * {@code /api/campaigns}: list, one campaign, its counts; start and pause paced dialing (supervisor); stop
 * (admin): pause and cancel the campaign's calls still ringing. Calls already answered always go on.
 */
final class CampaignResource {
    private final AdminContext dialer;

    CampaignResource(AdminContext dialer) {
        this.dialer = dialer;
    }

    void register(Router router) {
        router.add("GET", "/api/campaigns", Role.VIEWER, r -> ApiResponse.ok(list()))
                .add("GET", "/api/campaigns/{campaign}", Role.VIEWER, r -> ApiResponse.ok(view(runner(r))))
                .add("GET", "/api/campaigns/{campaign}/stats", Role.VIEWER,
                        r -> ApiResponse.ok(Views.stats(runner(r))))
                .add("POST", "/api/campaigns/{campaign}/start", Role.SUPERVISOR, this::start)
                .add("POST", "/api/campaigns/{campaign}/pause", Role.SUPERVISOR, this::pause)
                .add("POST", "/api/campaigns/{campaign}/stop", Role.ADMIN, this::stop);
    }

    List<Views.Campaign> list() {
        return dialer.campaigns().values().stream().map(this::view).toList();
    }

    private Views.Campaign view(CampaignRunner runner) {
        return Views.campaign(runner, config(runner.name()));
    }

    private CampaignConfig config(String name) {
        return dialer.config().campaigns().get(name);
    }

    private CampaignRunner runner(ApiRequest request) {
        String name = request.param("campaign");
        CampaignRunner runner = dialer.campaigns().get(name);
        if (runner == null) {
            throw ApiException.notFound("campaign", "no campaign named '" + name + "'");
        }
        return runner;
    }

    private ApiResponse start(ApiRequest request) {
        CampaignRunner runner = runner(request);
        runner.start();
        return ApiResponse.ok(Json.object("campaign", runner.name(), "running", true));
    }

    private ApiResponse pause(ApiRequest request) {
        CampaignRunner runner = runner(request);
        runner.pause();
        return ApiResponse.ok(Json.object("campaign", runner.name(), "running", false));
    }

    private ApiResponse stop(ApiRequest request) {
        CampaignRunner runner = runner(request);
        runner.pause();
        int cancelled = 0;
        for (CallSession call : dialer.calls().live()) {
            CallState state = call.status().state();
            if (call.plan().campaign().name().equals(runner.name())
                    && (state == CallState.DIALING || state == CallState.RINGING)) {
                call.post(new CallEvent.Hangup("campaign stopped by an operator"));
                cancelled++;
            }
        }
        return ApiResponse.ok(Json.object("campaign", runner.name(), "running", false, "cancelledCalls", cancelled))
                .audited(cancelled + " ringing calls cancelled", cancelled + " ringing calls cancelled");
    }
}
