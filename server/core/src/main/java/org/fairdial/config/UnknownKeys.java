package org.fairdial.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every key set under {@code dialer} must exist in the reference defaults (the {@code reference.conf} of each
 * module), e.g. {@code dialer.campaigns.spring.abandon.max-duraton (config/dialer.conf:61): unknown key; did you
 * mean max-duration?}. In a compliance product a typo must be an error: a mistyped key would otherwise leave the
 * default in force without a word.
 *
 * <p>Sections whose entries operators name (campaigns, trunks, agents, profiles, tokens, registries) are checked
 * entry by entry against their template under {@code dialer.entry-templates}, keyed by the section's path; a
 * null template lets any entry name through (logger levels). Keys outside {@code dialer} belong to the file (the
 * demo's own section, values for substitutions); only a root key one typo away from {@code dialer} is reported.
 */
final class UnknownKeys {
    static final String ROOT = "dialer";
    static final String TEMPLATES = "entry-templates";

    private final ConfigObject known;
    private final Map<String, ConfigValue> templates = new HashMap<>();

    /** Known keys from {@code reference}: normally {@code ConfigFactory.defaultReference()}. */
    UnknownKeys(Config reference) {
        ConfigObject dialer = reference.getObject(ROOT);
        this.known = dialer.withoutKey(TEMPLATES);
        if (dialer.get(TEMPLATES) instanceof ConfigObject sections) {
            templates.putAll(sections);
        }
    }

    /**
     * Every unknown key, sorted by path.
     *
     * @param operator the operator's tree before resolution (to see keys set under entry-templates)
     * @param resolved the resolved tree, overrides over the operator's file over the reference defaults
     */
    List<ConfigProblem> check(Config operator, Config resolved) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : new TreeSet<>(resolved.root().keySet())) {
            if (!key.equals(ROOT) && NearestKey.of(key, Set.of(ROOT)).contains(ROOT)) {
                problems.add(unknown(render(key), key, resolved.root().get(key), Set.of(ROOT)));
            }
        }
        if (operator.root().get(ROOT) instanceof ConfigObject own && own.containsKey(TEMPLATES)) {
            problems.add(new ConfigProblem(ROOT + "." + TEMPLATES, ConfigReader.origin(own.get(TEMPLATES).origin()),
                    null, "cannot be set: entry templates are read from reference.conf only"));
        }
        if (resolved.root().get(ROOT) instanceof ConfigObject dialer) {
            object(dialer.withoutKey(TEMPLATES), known, ROOT, "", problems);
        }
        return problems;
    }

    /**
     * Checks {@code actual} against {@code expected}; {@code section} is the path under dialer (to find entry
     * templates), or null inside an entry.
     */
    private void object(ConfigObject actual, ConfigObject expected, String path, String section,
                        List<ConfigProblem> problems) {
        for (String key : new TreeSet<>(actual.keySet())) {
            ConfigValue value = actual.get(key);
            String childPath = path + "." + render(key);
            String childSection = section == null ? null : section.isEmpty() ? key : section + "." + key;
            if (childSection != null && templates.containsKey(childSection)) {
                entries(value, templates.get(childSection), childPath, problems);
            } else if (!expected.containsKey(key)) {
                problems.add(unknown(childPath, key, value, expected.keySet()));
            } else if (expected.get(key) instanceof ConfigObject inner && value instanceof ConfigObject given) {
                object(given, inner, childPath, childSection, problems);
            }
            // Anything else is a value: its type and range are the section readers' to check.
        }
    }

    private void entries(ConfigValue section, ConfigValue template, String path, List<ConfigProblem> problems) {
        if (section instanceof ConfigObject named && template instanceof ConfigObject keys) {
            for (String name : new TreeSet<>(named.keySet())) {
                if (named.get(name) instanceof ConfigObject entry) {
                    object(entry, keys, path + "." + render(name), null, problems);
                }
            }
        }
    }

    private static ConfigProblem unknown(String path, String key, ConfigValue value, Set<String> siblings) {
        List<String> near = NearestKey.of(key, siblings);
        String rule = near.isEmpty() ? "unknown key" : "unknown key; did you mean " + String.join(" or ", near) + "?";
        return new ConfigProblem(path, ConfigReader.origin(value.origin()), null, rule);
    }

    /** A path element as the other problems write it: plain, quoted only when it holds a dot or a blank. */
    private static String render(String key) {
        return key.isEmpty() || key.chars().anyMatch(c -> c == '.' || c == '"' || Character.isWhitespace(c))
                ? "\"" + key.replace("\"", "\\\"") + "\"" : key;
    }
}
