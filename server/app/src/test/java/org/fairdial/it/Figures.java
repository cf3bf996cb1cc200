package org.fairdial.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A list of measured milliseconds and the usual summary: n, min, p50, p90, p99, max. */
final class Figures {
    private final String name;
    private final List<Double> values = new ArrayList<>();

    Figures(String name) {
        this.name = name;
    }

    void add(double ms) {
        values.add(ms);
    }

    int size() {
        return values.size();
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-34s n=%3d  min %7.1f  p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f ms",
                name, values.size(), percentile(0), percentile(50), percentile(90), percentile(99), max());
    }
}
