package org.fairdial.dialing;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.fairdial.compliance.Consent;

/**
 * One row of a lead list.
 *
 * @param id       stable id within the campaign: the E.164 number (duplicates of a number are merged)
 * @param line     line number in the file, for messages
 * @param raw      number as written
 * @param e164     number normalized to E.164
 * @param name     callee name, or null
 * @param timeZone the callee's time zone from the list, or null (then taken from the number)
 * @param consent  recorded consent, or null
 * @param fields   the list's other columns, by header name, shown to the agent
 */
public record Lead(String id, int line, String raw, String e164, String name, ZoneId timeZone, Consent consent,
                   Map<String, String> fields) {

    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(e164, "e164");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A lead with only a number and a name (tests, operator dialing). */
    public Lead(String id, int line, String raw, String e164, String name) {
        this(id, line, raw, e164, name, null, null, Map.of());
    }

    /**
     * This lead completed by a later row of the same number: what this row left empty is taken from {@code later};
     * what both give stays as this (the first) row says.
     */
    public Lead mergedWith(Lead later) {
        Map<String, String> merged = new LinkedHashMap<>(fields);
        later.fields.forEach(merged::putIfAbsent);
        return new Lead(id, line, raw, e164, name != null ? name : later.name,
                timeZone != null ? timeZone : later.timeZone, consent != null ? consent : later.consent, merged);
    }
}
