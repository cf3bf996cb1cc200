package org.fairdial.admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;

/**
 * {@code /api/config}: validate a candidate configuration (HOCON text in the body, checked exactly as at
 * start-up, relative paths against the running file's directory) and reload the running one through
 * {@link ConfigReloader}. Both admin only.
 */
final class ConfigResource {
    private final AdminContext dialer;

    ConfigResource(AdminContext dialer) {
        this.dialer = dialer;
    }

    void register(Router router) {
        router.add("POST", "/api/config/validate", Role.ADMIN, this::validate)
                .add("POST", "/api/config/reload", Role.ADMIN, r -> {
                    ConfigReloader.Result result = dialer.controls().reloader().reload();
                    return ApiResponse.json(result.applied() ? 200 : 422, Json.object("applied", result.applied(),
                            "summary", result.summary(), "problems", problems(result.problems())))
                            .audited(result.summary(), result.summary());
                });
    }

    private ApiResponse validate(ApiRequest request) {
        String text = new String(request.body(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiException.badRequest("body", "the candidate configuration (HOCON text) is required");
        }
        try {
            DialerConfig candidate = DialerConfigLoader.parse(text, "candidate", baseDir());
            return ApiResponse.ok(Json.object("valid", true, "problems", List.of(),
                    "summary", Json.object("trunks", candidate.trunks().size(), "agents", candidate.agents().size(),
                            "campaigns", candidate.campaigns().size())));
        } catch (ConfigValidationException e) {
            return ApiResponse.ok(Json.object("valid", false, "problems", problems(e.problems())));
        }
    }

    private Path baseDir() {
        Path source = dialer.config().source();
        Path parent = source == null ? null : source.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    private static List<Map<String, Object>> problems(List<ConfigProblem> problems) {
        return problems.stream().map(p -> Json.object("path", p.path(), "origin", p.origin(), "value", p.value(),
                "rule", p.rule(), "message", p.format())).toList();
    }
}
