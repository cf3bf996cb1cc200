package org.fairdial.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Formats simulated shifts, several seeds per pacer, as a text table. */
public final class ResultTable {

    private ResultTable() {
    }

    /** One line per pacer (figures over its seeds) and the clairvoyant bound. */
    public static String format(Workload w, long firstSeed, int seeds, Map<String, List<ShiftResult>> byPacer) {
        StringBuilder out = new StringBuilder();
        ShiftResult any = byPacer.values().iterator().next().get(0);
        String windows = any.windows().stream().map(ShiftResult.WindowRate::window)
                .collect(Collectors.joining(", "));
        out.append(String.format(Locale.ROOT, "workload %s: %d agents, %.1f h shift, profile %s (cap %.2f%%, "
                        + "windows: %s), seeds %d..%d%n", w.name(), w.agents(), w.shiftSeconds() / 3600, w.profile(),
                100 * any.cap(), windows, firstSeed, firstSeed + seeds - 1));
        out.append(String.format(Locale.ROOT, "%-15s %-15s %9s %8s %10s %-17s %12s %10s %8s %8s%n", "pacer",
                "talk occ. (min)", "idle/call", "idle p90", "dials/ag-h", "abandon (max)", "worst window",
                "worst hour", "over cap", "time>cap"));
        for (Map.Entry<String, List<ShiftResult>> e : byPacer.entrySet()) {
            List<ShiftResult> rs = e.getValue();
            out.append(String.format(Locale.ROOT, "%-15s %.3f (%.3f)  %9.1f %8.1f %10.1f %5.2f%% (%5.2f%%)  "
                            + "%11.2f%% %9.2f%% %5d/%-2d %7.2f%%%n", e.getKey(),
                    mean(rs, ShiftResult::talkOccupancy), min(rs, ShiftResult::talkOccupancy),
                    mean(rs, ShiftResult::idleMean), mean(rs, ShiftResult::idleP90),
                    mean(rs, ShiftResult::dialsPerAgentHour), 100 * mean(rs, ShiftResult::campaignRate),
                    100 * max(rs, ShiftResult::campaignRate), 100 * max(rs, ShiftResult::worstWindow),
                    100 * max(rs, ShiftResult::worstHour), rs.stream().filter(ShiftResult::overCap).count(),
                    rs.size(), 100 * max(rs, ShiftResult::overCapTime)));
        }
        out.append(String.format(Locale.ROOT, "%-15s %.3f  (talk / (talk + wrap-up), from the workload's means)%n",
                "clairvoyant", w.clairvoyantBound()));
        return out.toString();
    }

    private static double mean(List<ShiftResult> rs, ToDoubleFunction<ShiftResult> f) {
        return rs.stream().mapToDouble(f).average().orElse(0);
    }

    private static double min(List<ShiftResult> rs, ToDoubleFunction<ShiftResult> f) {
        return rs.stream().mapToDouble(f).min().orElse(0);
    }

    private static double max(List<ShiftResult> rs, ToDoubleFunction<ShiftResult> f) {
        return rs.stream().mapToDouble(f).max().orElse(0);
    }
}
