package org.fairdial.sim;

import java.util.ArrayList;
import java.util.List;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonCounts;
import org.fairdial.compliance.AbandonRule;
import org.fairdial.compliance.AbandonWindow;

/**
 * One simulated shift's figures.
 *
 * @param pacer             pacer name
 * @param agents            team size
 * @param talkOccupancy     talk seconds inside the shift / (agents x shift)
 * @param idleMean          mean idle seconds of an agent before each connected call
 * @param idleP90           90th percentile of the same
 * @param dialsPerAgentHour dials / (agents x shift hours)
 * @param dials             dials placed
 * @param connected         live calls put through to agents
 * @param abandoned         live calls abandoned
 * @param campaignRate      the rule's rate over the whole shift
 * @param windows           worst period of each regulatory window of the rule
 * @param worstHour         highest abandon rate over any rolling hour (not a regulatory window)
 * @param overCapTime       share of the shift after its first hour during which some window's running rate was
 *                          over the cap: had the campaign stopped then, that window would have ended over
 * @param cap               the rule's cap
 */
public record ShiftResult(String pacer, int agents, double talkOccupancy, double idleMean, double idleP90,
                          double dialsPerAgentHour, long dials, long connected, long abandoned,
                          double campaignRate, List<WindowRate> windows, double worstHour, double overCapTime,
                          double cap) {

    static ShiftResult of(Workload w, String pacer, ShiftMetrics m, AbandonAccountant accountant) {
        AbandonRule rule = accountant.rule();
        List<WindowRate> windows = new ArrayList<>();
        for (AbandonWindow window : rule.windows()) {
            double worst = 0;
            for (AbandonAccountant.Period p : accountant.periods(window)) {
                worst = Math.max(worst, p.rate());
            }
            windows.add(new WindowRate(window.label(), worst));
        }
        double hours = w.shiftSeconds() / 3600;
        double campaignRate = rule.rate(new AbandonCounts(m.connectedCalls(),
                m.abandonedCalls(), 0));
        return new ShiftResult(pacer, w.agents(), m.talkSeconds() / (w.agents() * w.shiftSeconds()), m.idleMean(),
                m.idleP90(), m.dials() / (w.agents() * hours), m.dials(), m.connectedCalls(), m.abandonedCalls(),
                campaignRate, List.copyOf(windows), m.worstRollingHour(w.shiftSeconds()), m.overCapShare(), rule.cap());
    }

    /** Highest rate of any regulatory period in the shift. */
    public double worstWindow() {
        double worst = campaignRate;
        for (WindowRate r : windows) {
            worst = Math.max(worst, r.worst());
        }
        return worst;
    }

    /** Some regulatory period ended over the cap. */
    public boolean overCap() {
        return worstWindow() > cap + 1e-12;
    }

    /** The worst period of one window kind. */
    public record WindowRate(String window, double worst) {
    }
}
