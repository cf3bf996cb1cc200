package org.fairdial.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a resolved config tree that never throws: a missing or ill-typed value is recorded as a
 * {@link ConfigProblem} and a neutral value returned, so one pass reports every problem at once.
 */
final class ConfigReader {
    private final Config config;
    private final List<ConfigProblem> problems;

    ConfigReader(Config config, List<ConfigProblem> problems) {
        this.config = config;
        this.problems = problems;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    boolean has(String path) {
        return config.hasPath(path);
    }

    String string(String path) {
        try {
            return config.getString(path);
        } catch (ConfigException e) {
            typeProblem(path, e, "must be a string");
            return "";
        }
    }

    /** A string that may be absent or empty; null then. */
    String optString(String path) {
        if (!config.hasPath(path)) {
            return null;
        }
        String value = string(path);
        return value.isEmpty() ? null : value;
    }

    int integer(String path, int min, int max) {
        try {
            int value = config.getInt(path);
            if (value < min || value > max) {
                problem(path, "is outside " + min + ".." + max);
            }
            return value;
        } catch (ConfigException e) {
            typeProblem(path, e, "must be a whole number");
            return min;
        }
    }

    double number(String path, double min, double max) {
        try {
            double value = config.getDouble(path);
            if (value < min || value > max) {
                problem(path, "is outside " + min + ".." + max);
            }
            return value;
        } catch (ConfigException e) {
            typeProblem(path, e, "must be a number");
            return min;
        }
    }

    boolean bool(String path) {
        try {
            return config.getBoolean(path);
        } catch (ConfigException e) {
            typeProblem(path, e, "must be true or false");
            return false;
        }
    }

    /** A duration such as {@code 3 seconds} or {@code 500ms}; must not be negative. */
    Duration duration(String path) {
        try {
            Duration value = config.getDuration(path);
            if (value.isNegative()) {
                problem(path, "must not be negative");
            }
            return value;
        } catch (ConfigException e) {
            typeProblem(path, e, "must be a duration such as \"3 seconds\" or \"500 ms\"");
            return Duration.ZERO;
        }
    }

    /** A size such as {@code 16 MiB} or {@code 1048576}; must not be negative. */
    long bytes(String path) {
        try {
            long value = config.getBytes(path);
            if (value < 0) {
                problem(path, "must not be negative");
            }
            return value;
        } catch (ConfigException e) {
            typeProblem(path, e, "must be a size such as \"16 MiB\" or \"512 KiB\"");
            return 0;
        }
    }

    List<String> strings(String path) {
        try {
            return config.getStringList(path);
        } catch (ConfigException e) {
            typeProblem(path, e, "must be a list of strings");
            return List.of();
        }
    }

    /** Names of the children of an object (e.g. campaign names), sorted; empty if the path is absent. */
    Set<String> keys(String path) {
        if (!config.hasPath(path)) {
            return Set.of();
        }
        try {
            return new TreeSet<>(config.getObject(path).keySet());
        } catch (ConfigException e) {
            typeProblem(path, e, "must be an object of named entries");
            return Set.of();
        }
    }

    <E extends Enum<E>> E enumValue(String path, Class<E> type, E fallback) {
        String raw = string(path);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(raw)
                    || constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (config.hasPath(path)) {
            problem(path, "is not one of " + allowed);
        }
        return fallback;
    }

    /** Records a problem about the value at {@code path}, with its origin and the value as written. */
    void problem(String path, String rule) {
        if (config.hasPath(path)) {
            ConfigValue value = config.getValue(path);
            problems.add(new ConfigProblem(path, origin(value.origin()), render(value), rule));
        } else {
            problems.add(new ConfigProblem(path, null, null, rule));
        }
    }

    private void typeProblem(String path, ConfigException e, String rule) {
        if (e instanceof ConfigException.Missing) {
            problems.add(new ConfigProblem(path, null, null, "is missing"));
        } else {
            problem(path, rule);
        }
    }

    private static String render(ConfigValue value) {
        Object raw = value.unwrapped();
        return raw == null ? "null" : raw.toString();
    }

    /** {@code config/dialer.conf:41}, relative to the working directory when the file is below it. */
    static String origin(ConfigOrigin origin) {
        if (origin == null) {
            return null;
        }
        String where;
        if (origin.filename() != null) {
            Path file = Path.of(origin.filename()).toAbsolutePath().normalize();
            Path cwd = Path.of("").toAbsolutePath();
            where = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
        } else if (origin.resource() != null) {
            where = origin.resource();
        } else {
            return origin.description(); // e.g. "String: 21": already names the line
        }
        return origin.lineNumber() > 0 ? where + ":" + origin.lineNumber() : where;
    }
}
