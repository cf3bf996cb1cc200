package org.fairdial.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/), written here because no Java client ships a
 * parser. Beyond the grammar it enforces what scrapers rely on: one HELP and one TYPE per family, TYPE before the
 * family's samples, each family's lines in one group, no series twice, label names unique per sample, histograms
 * with cumulative buckets, a {@code +Inf} bucket equal to {@code _count}, and a {@code _sum}. Any violation is an
 * {@link IllegalArgumentException} naming the line.
 */
final class PrometheusText {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample: metric name, labels in order, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private PrometheusText() {
    }

    static PrometheusText parse(String text) {
        PrometheusText result = new PrometheusText();
        result.read(text);
        result.checkHistograms();
        return result;
    }

    /** The family's declared type, or null. */
    String type(String family) {
        return types.get(family);
    }

    List<Sample> samples() {
        return samples;
    }

    /** The value of the series with exactly these labels (a subset match is not enough); null if absent. */
    Double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .map(Sample::value).findFirst().orElse(null);
    }

    /** Sum over the series of {@code name} whose labels include {@code subset}; 0 when there are none. */
    double sum(String name, Map<String, String> subset) {
        return samples.stream().filter(s -> s.name().equals(name)
                        && s.labels().entrySet().containsAll(subset.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    private void read(String text) {
        Set<String> help = new HashSet<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + n + " '" + line + "': ";
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String family = parts[2];
                    require(METRIC.matcher(family).matches(), where + "bad metric name");
                    require(!closed.contains(family) || family.equals(current), where + "family split in groups");
                    if (!family.equals(current)) {
                        if (current != null) {
                            closed.add(current);
                        }
                        current = family;
                    }
                    if (parts[1].equals("HELP")) {
                        require(help.add(family), where + "second HELP");
                    } else {
                        require(parts.length == 4 && TYPES.contains(parts[3]), where + "bad TYPE");
                        require(types.putIfAbsent(family, parts[3]) == null, where + "second TYPE");
                        require(samples.stream().noneMatch(s -> family(s.name()).equals(family)),
                                where + "TYPE after samples");
                    }
                }
                continue;
            }
            Sample sample = sample(line, where);
            String family = family(sample.name());
            if (!family.equals(current)) {
                require(!closed.contains(family), where + "family " + family + " split in groups");
                if (current != null) {
                    closed.add(current);
                }
                current = family;
            }
            require(series.add(sample.name() + sample.labels()), where + "series repeated");
            samples.add(sample);
        }
    }

    /** The family a sample belongs to: histogram and summary parts map to their base name when declared. */
    private String family(String name) {
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || "summary".equals(type)) {
                    return base;
                }
            }
        }
        return name;
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC.matcher(name).matches(), where + "bad metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                require(eq > i, where + "label without '='");
                String label = line.substring(i, eq);
                require(LABEL.matcher(label).matches(), where + "bad label name " + label);
                require(line.charAt(eq + 1) == '"', where + "label value not quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char e = line.charAt(++j);
                        require(e == '\\' || e == '"' || e == 'n', where + "bad escape \\" + e);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(label, value.toString()) == null, where + "label " + label + " twice");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else {
                    require(line.charAt(i) == '}', where + "expected ',' or '}'");
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', where + "no space before the value");
        String[] rest = line.substring(i + 1).trim().split(" +");
        require(rest.length == 1 || rest.length == 2, where + "expected value [timestamp]");
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        return new Sample(name, labels, value(rest[0], where));
    }

    private static double value(String raw, String where) {
        switch (raw) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "bad value " + raw);
                }
        }
    }

    private void checkHistograms() {
        types.forEach((family, type) -> {
            if (!type.equals("histogram")) {
                return;
            }
            Map<Map<String, String>, TreeMap<Double, Double>> buckets = new HashMap<>();
            for (Sample s : samples) {
                if (s.name().equals(family + "_bucket")) {
                    Map<String, String> rest = new LinkedHashMap<>(s.labels());
                    String le = rest.remove("le");
                    require(le != null, family + "_bucket without le");
                    buckets.computeIfAbsent(rest, k -> new TreeMap<>()).put(value(le, family), s.value());
                }
            }
            buckets.forEach((labels, byLe) -> {
                double previous = 0;
                for (double count : byLe.values()) {
                    require(count >= previous, family + labels + ": buckets not cumulative");
                    previous = count;
                }
                require(byLe.lastKey() == Double.POSITIVE_INFINITY, family + labels + ": no +Inf bucket");
                Double total = value(family + "_count", labels);
                require(total != null && total == previous, family + labels + ": +Inf bucket != _count");
                require(value(family + "_sum", labels) != null, family + labels + ": no _sum");
            });
        });
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
