package org.fairdial.sim;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.fairdial.compliance.ConnectWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a workload file (HOCON, root {@code workload}; see config/workloads/reference.conf). Every problem is
 * collected and reported at once in a {@link WorkloadException}.
 */
public final class WorkloadReader {
    private static final String ROOT = "workload.";
    private final Config config;
    private final List<String> problems = new ArrayList<>();

    private WorkloadReader(Config config) {
        this.config = config;
    }

    /** Reads {@code file}; profiles and their caps come from the server's reference.conf. */
    public static Workload read(Path file) {
        if (!file.toFile().isFile()) {
            throw new WorkloadException(List.of(file + ": no such file"));
        }
        try {
            return read(ConfigFactory.parseFile(file.toFile()).resolve());
        } catch (ConfigException e) {
            throw new WorkloadException(List.of(e.getMessage()));
        }
    }

    /**
     * The connect window answered calls with no free agent wait within ({@link ConnectWindow}, as the live server
     * computes it): the profile's connect-window, prompt-start-max and the campaign's abandon.max-duration (default
     * the server's campaign-defaults) from the server's reference.conf, with the workload's {@code prompt-length}
     * and {@code agent-connect-timeout}; {@link ConnectWindow#NONE} (abandoned at once) when the workload gives
     * neither.
     */
    public static ConnectWindow connectWindow(Path file) {
        try {
            Config config = ConfigFactory.parseFile(file.toFile()).resolve();
            if (!config.hasPath(ROOT + "prompt-length") && !config.hasPath(ROOT + "agent-connect-timeout")) {
                return ConnectWindow.NONE;
            }
            Config reference = ConfigFactory.defaultReference();
            String profile = "dialer.profiles." + config.getString(ROOT + "profile") + ".";
            Duration maxDuration = config.hasPath(ROOT + "abandon-max-duration")
                    ? config.getDuration(ROOT + "abandon-max-duration")
                    : reference.getDuration("dialer.campaign-defaults.abandon.max-duration");
            return ConnectWindow.of(
                    reference.hasPath(profile + "connect-window") ? reference.getDuration(profile + "connect-window")
                            : Duration.ZERO,
                    reference.hasPath(profile + "prompt-start-max") ? reference.getDuration(profile
                            + "prompt-start-max") : null,
                    maxDuration, config.getDuration(ROOT + "prompt-length"),
                    config.getDuration(ROOT + "agent-connect-timeout"));
        } catch (ConfigException e) {
            throw new WorkloadException(List.of(file + ": " + e.getMessage()
                    + " (prompt-length and agent-connect-timeout go together)"));
        }
    }

    /** Reads a parsed workload. */
    public static Workload read(Config config) {
        return new WorkloadReader(config).workload();
    }

    private Workload workload() {
        String profile = string("profile");
        double cap = profileCap(profile);
        if (config.hasPath(ROOT + "abandon-rate-cap")) {
            double stricter = number("abandon-rate-cap", 0.0001, cap);
            cap = Math.min(cap, stricter);
        }
        ZoneId zone = zone();
        LocalDateTime start = startTime();
        double answer = number("answer-probability", 0, 1);
        double busy = number("busy-share", 0, 1);
        double invalid = number("invalid-share", 0, 1);
        List<Workload.Step> steps = new ArrayList<>();
        try {
            List<? extends Config> list = config.hasPath(ROOT + "answer-steps")
                    ? config.getConfigList(ROOT + "answer-steps") : List.of();
            for (Config s : list) {
                Workload.Step step = new Workload.Step(s.getDuration("at").toNanos() / 1e9,
                        s.getDouble("answer-probability"));
                steps.add(step);
                if (step.answerProbability() < 0 || step.answerProbability() + busy + invalid > 1) {
                    problem("answer-steps", "answer-probability must be 0 or more, and with busy-share and "
                            + "invalid-share at most 1");
                }
            }
        } catch (ConfigException e) {
            problem("answer-steps", "must be a list of { at = <duration>, answer-probability = <share> }");
        }
        if (answer + busy + invalid > 1) {
            problem("answer-probability", "answer-probability + busy-share + invalid-share exceeds 1");
        }
        Workload w = new Workload(string("name"), profile, cap, zone,
                start == null ? null : start.atZone(zone == null ? ZoneId.of("UTC") : zone).toInstant(),
                seconds("shift"), (int) number("agents", 1, 100_000), answer, busy, invalid,
                distribution("time-to-answer"), distribution("ring-timeout"), distribution("busy-time"),
                distribution("invalid-time"), distribution("talk-time"), distribution("wrap-up"), steps);
        if (!problems.isEmpty()) {
            throw new WorkloadException(problems);
        }
        return w;
    }

    private double profileCap(String profile) {
        String path = "dialer.profiles." + profile + ".abandon-rate-cap";
        Config reference = ConfigFactory.defaultReference();
        if (!reference.hasPath(path)) {
            problem("profile", "names no profile under dialer.profiles");
            return 0.03;
        }
        return reference.getDouble(path);
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(string("zone"));
        } catch (RuntimeException e) {
            problem("zone", "is not a time zone such as Europe/Rome");
            return null;
        }
    }

    private LocalDateTime startTime() {
        try {
            return LocalDateTime.parse(string("start"));
        } catch (RuntimeException e) {
            problem("start", "must be a local date-time such as 2024-03-04T09:00");
            return null;
        }
    }

    private Distribution distribution(String key) {
        String p = ROOT + key;
        try {
            Config d = config.getConfig(p);
            String type = d.getString("type");
            return switch (type) {
                case "fixed" -> new Distribution.Fixed(sec(d, "value"));
                case "uniform" -> new Distribution.Uniform(sec(d, "min"), sec(d, "max"));
                case "exponential" -> new Distribution.Exponential(sec(d, "mean"));
                case "lognormal" -> {
                    double sigma = d.getDouble("sigma-ln");
                    double min = d.hasPath("min") ? sec(d, "min") : 0;
                    double max = d.hasPath("max") ? sec(d, "max") : Double.POSITIVE_INFINITY;
                    yield d.hasPath("median") ? Distribution.LogNormal.ofMedian(sec(d, "median"), sigma, min, max)
                            : Distribution.LogNormal.ofMean(sec(d, "mean"), sigma, min, max);
                }
                default -> {
                    problem(key + ".type", "must be fixed, uniform, exponential or lognormal");
                    yield new Distribution.Fixed(0);
                }
            };
        } catch (ConfigException e) {
            problem(key, e.getMessage());
            return new Distribution.Fixed(0);
        }
    }

    private static double sec(Config d, String key) {
        return d.getDuration(key).toNanos() / 1e9;
    }

    private String string(String key) {
        try {
            return config.getString(ROOT + key);
        } catch (ConfigException e) {
            problem(key, "must be a string");
            return "";
        }
    }

    private double number(String key, double min, double max) {
        try {
            double v = config.getDouble(ROOT + key);
            if (v < min || v > max) {
                problem(key, "is outside " + min + ".." + max);
            }
            return v;
        } catch (ConfigException e) {
            problem(key, "must be a number");
            return min;
        }
    }

    private double seconds(String key) {
        try {
            return config.getDuration(ROOT + key).toNanos() / 1e9;
        } catch (ConfigException e) {
            problem(key, "must be a duration such as \"8 hours\"");
            return 0;
        }
    }

    private void problem(String key, String reason) {
        problems.add(ROOT + key + ": " + reason);
    }
}
