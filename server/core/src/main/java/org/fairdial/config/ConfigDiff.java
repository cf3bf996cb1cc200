package org.fairdial.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a reload changes, as short lines for the log: added (+), removed (-) and changed (~) entries with the
 * record components that differ, and the sections that only a restart applies.
 */
public final class ConfigDiff {
    /** Sections a running server cannot swap: sockets, threads and the store are bound at start. */
    private static final List<String> RESTART_ONLY = List.of("sip", "media", "mediaEngine", "store", "agentPolicy",
            "calls");

    private ConfigDiff() {
    }

    public static List<String> between(DialerConfig old, DialerConfig next) {
        List<String> lines = new ArrayList<>();
        named(lines, "agents", old.agents(), next.agents());
        named(lines, "trunks", old.trunks(), next.trunks());
        named(lines, "campaigns", old.campaigns(), next.campaigns());
        named(lines, "profiles", old.profiles(), next.profiles());
        // The store opens with its keys: encryption at rest changes need a restart like the store itself.
        if (!Objects.equals(old.privacy().encryption(), next.privacy().encryption())) {
            lines.add("needs a restart, not applied: dialer.privacy.encryption");
        }
        for (RecordComponent c : DialerConfig.class.getRecordComponents()) {
            Object before = value(c, old);
            Object after = "privacy".equals(c.getName())
                    ? next.privacy().withEncryption(old.privacy().encryption()) : value(c, next);
            if (!(before instanceof Map) && !"source".equals(c.getName()) && !Objects.equals(before, after)) {
                lines.add((RESTART_ONLY.contains(c.getName()) ? "needs a restart, not applied: " : "changed: ")
                        + "dialer." + c.getName() + " (" + changedComponents(before, after) + ")");
            }
        }
        return lines;
    }

    /** Sections of {@code next} that differ from {@code old} but only take effect after a restart. */
    public static List<String> restartOnly(DialerConfig old, DialerConfig next) {
        List<String> sections = new ArrayList<>();
        for (RecordComponent c : DialerConfig.class.getRecordComponents()) {
            if (RESTART_ONLY.contains(c.getName()) && !Objects.equals(value(c, old), value(c, next))) {
                sections.add("dialer." + c.getName());
            }
        }
        if (!Objects.equals(old.privacy().encryption(), next.privacy().encryption())) {
            sections.add("dialer.privacy.encryption");
        }
        return sections;
    }

    private static void named(List<String> lines, String section, Map<String, ?> old, Map<String, ?> next) {
        List<String> parts = new ArrayList<>();
        for (String key : new TreeSet<>(next.keySet())) {
            if (!old.containsKey(key)) {
                parts.add("+" + key);
            } else if (!Objects.equals(old.get(key), next.get(key))) {
                parts.add("~" + key + " (" + changedComponents(old.get(key), next.get(key)) + ")");
            }
        }
        for (String key : new TreeSet<>(old.keySet())) {
            if (!next.containsKey(key)) {
                parts.add("-" + key);
            }
        }
        if (!parts.isEmpty()) {
            lines.add(section + ": " + String.join(", ", parts));
        }
    }

    /** Names of the record components that differ (values are not logged: they may hold secrets). */
    private static String changedComponents(Object before, Object after) {
        if (before == null || after == null || !before.getClass().isRecord()) {
            return "value";
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            if (!Objects.equals(value(c, before), value(c, after))) {
                names.add(c.getName());
            }
        }
        return String.join(", ", names);
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
