package org.fairdial.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.privacy.NumberMask;

/**
 * {@code /api/dnc}: check a number (viewer), add one with an optional reason, remove one (admin), through
 * {@link DoNotCallControl}. Numbers are E.164: {@code +} and 7 to 15 digits (ITU-T E.164 section 6).
 */
final class DoNotCallResource {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final DoNotCallControl list;
    private final NumberMask mask;

    DoNotCallResource(DoNotCallControl list, NumberMask mask) {
        this.list = list;
        this.mask = mask;
    }

    void register(Router router) {
        router.add("GET", "/api/dnc/{number}", Role.VIEWER, r -> {
            String number = e164("number", r.param("number"));
            return ApiResponse.ok(Json.object("number", number, "listed", list.contains(number)));
        }).add("POST", "/api/dnc", Role.ADMIN, r -> {
            JsonNode body = Json.object(r.body());
            String number = e164("number", Json.text(body, "number"));
            String reason = Json.optionalText(body, "reason");
            list.add(number, reason);
            return ApiResponse.json(201, Json.object("number", number, "listed", true))
                    .audited("add " + number + (reason == null ? "" : ": " + reason),
                            "add " + mask.mask(number));
        }).add("DELETE", "/api/dnc/{number}", Role.ADMIN, r -> {
            String number = e164("number", r.param("number"));
            boolean removed = list.remove(number);
            if (!removed) {
                throw ApiException.notFound("number", "is not on the do-not-call list");
            }
            return ApiResponse.ok(Json.object("number", number, "listed", false))
                    .audited("remove " + number, "remove " + mask.mask(number));
        });
    }

    static String e164(String field, String raw) {
        String number = raw == null ? "" : raw.replaceAll("[\\s().-]", "");
        if (!E164.matcher(number).matches()) {
            throw ApiException.badRequest(field, "must be an E.164 number such as +390212345678");
        }
        return number;
    }
}
