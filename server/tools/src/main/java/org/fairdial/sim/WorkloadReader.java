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
import java.util.Set;

/**
 * Reads a workload file (HOCON, root {@code workload}; see config/workloads/reference.conf and docs/pacing.md).
 * Every problem is collected and reported at once in a {@link WorkloadException}, each naming its key and, where
 * the file gives it, its file:line; an unknown key is a problem.
 */
public final class WorkloadReader {
    private static final String ROOT = "workload.";
    private static final Set<String> KEYS = Set.of("name", "profile", "abandon-rate-cap", "zone", "start", "shift",
            "agents", "answer-probability", "busy-share", "invalid-share", "time-to-answer", "ring-timeout",
            "busy-time", "invalid-time", "talk-time", "wrap-up", "answer-steps", "segments", "prompt-length",
            "agent-connect-timeout", "abandon-max-duration");
    private static final Set<String> SEGMENT_KEYS = Set.of("at", "answer-probability", "time-to-answer",
            "talk-time", "wrap-up", "logged-in", "lead-mix");
    private static final Set<String> LEAD_KEYS = Set.of("share", "answer-probability", "time-to-answer");
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
        if (config.hasPath("workload")) {
            unknownKeys("", config.getConfig("workload"), KEYS);
        }
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
                distribution("invalid-time"), distribution("talk-time"), distribution("wrap-up"), steps,
                segments(busy + invalid));
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
        return distribution(config, ROOT + key, key);
    }

    /** The distribution at {@code path} of {@code in}; problems named {@code key}. */
    private Distribution distribution(Config in, String path, String key) {
        try {
            Config d = in.getConfig(path);
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
                    problem(key + ".type", d, "must be fixed, uniform, exponential or lognormal");
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
        String path = ROOT + key.replaceAll("\\[\\d+]", "");
        String where = "";
        try {
            if (!key.contains("[") && config.hasPath(path)) {
                where = " (" + config.getValue(path).origin().description() + ")";
            }
        } catch (ConfigException e) {
            where = "";
        }
        problems.add(ROOT + key + ": " + reason + where);
    }

    private void problem(String key, Config at, String reason) {
        problems.add(ROOT + key + ": " + reason + " (" + at.origin().description() + ")");
    }

    private void unknownKeys(String prefix, Config c, Set<String> known) {
        for (String k : c.root().keySet()) {
            if (!known.contains(k)) {
                problems.add(ROOT + prefix + k + ": unknown key (known: " + String.join(", ",
                        new java.util.TreeSet<>(known)) + ") (" + c.root().get(k).origin().description() + ")");
            }
        }
    }

    /** The {@code segments} list, in time order; {@code otherShares}: busy + invalid, which answers must fit. */
    private List<Workload.Segment> segments(double otherShares) {
        List<Workload.Segment> out = new ArrayList<>();
        if (!config.hasPath(ROOT + "segments")) {
            return out;
        }
        List<? extends Config> list;
        try {
            list = config.getConfigList(ROOT + "segments");
        } catch (ConfigException e) {
            problem("segments", "must be a list of { at = <duration>, ... }");
            return out;
        }
        double last = -1;
        for (int i = 0; i < list.size(); i++) {
            Config s = list.get(i);
            String key = "segments[" + i + "]";
            unknownKeys(key + ".", s, SEGMENT_KEYS);
            try {
                double at = s.getDuration("at").toNanos() / 1e9;
                if (at <= last) {
                    problem(key + ".at", s, "must be later than the segment before");
                }
                last = at;
                Double answer = s.hasPath("answer-probability") ? share(s, key + ".answer-probability",
                        "answer-probability", 1 - otherShares) : null;
                Double loggedIn = s.hasPath("logged-in") ? share(s, key + ".logged-in", "logged-in", 1) : null;
                out.add(new Workload.Segment(at, answer,
                        s.hasPath("time-to-answer") ? distribution(s, "time-to-answer", key + ".time-to-answer")
                                : null,
                        s.hasPath("talk-time") ? distribution(s, "talk-time", key + ".talk-time") : null,
                        s.hasPath("wrap-up") ? distribution(s, "wrap-up", key + ".wrap-up") : null, loggedIn,
                        s.hasPath("lead-mix") ? leadMix(s, key, otherShares) : null));
                if (answer != null && s.hasPath("lead-mix")) {
                    problem(key, s, "give answer-probability or lead-mix, not both");
                }
            } catch (ConfigException e) {
                problem(key, s, e.getMessage());
            }
        }
        return out;
    }

    private List<Workload.Lead> leadMix(Config segment, String key, double otherShares) {
        List<Workload.Lead> mix = new ArrayList<>();
        double total = 0;
        List<? extends Config> leads = segment.getConfigList("lead-mix");
        for (int j = 0; j < leads.size(); j++) {
            Config l = leads.get(j);
            String lk = key + ".lead-mix[" + j + "]";
            unknownKeys(lk + ".", l, LEAD_KEYS);
            double share = share(l, lk + ".share", "share", 1);
            total += share;
            mix.add(new Workload.Lead(share, share(l, lk + ".answer-probability", "answer-probability",
                    1 - otherShares), l.hasPath("time-to-answer")
                    ? distribution(l, "time-to-answer", lk + ".time-to-answer") : null));
        }
        if (mix.isEmpty() || Math.abs(total - 1) > 1e-6) {
            problem(key + ".lead-mix", segment, "shares must sum to 1 (they sum to " + total + ")");
        }
        return mix;
    }

    private double share(Config c, String key, String path, double max) {
        try {
            double v = c.getDouble(path);
            if (v < 0 || v > max) {
                problem(key, c, "is outside 0.." + max + (max < 1 ? " (with busy-share and invalid-share at most 1)"
                        : ""));
            }
            return v;
        } catch (ConfigException e) {
            problem(key, c, "must be a number");
            return 0;
        }
    }
}
