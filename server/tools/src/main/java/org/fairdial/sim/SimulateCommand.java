package org.fairdial.sim;

import org.fairdial.app.ToolCommand;
import org.fairdial.compliance.ConnectWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer simulate --workload FILE --pacer MODE|all --seed N [--seeds N] [--agents N]}: simulates shifts
 * and prints talk occupancy, idle time per call, abandon rates per regulatory window and dials per agent-hour.
 */
@Command(name = "simulate", description = "Simulate a shift with the real pacer and compliance rules.")
public final class SimulateCommand implements ToolCommand, Callable<Integer> {

    @Option(names = "--workload", required = true, description = "workload file, e.g. config/workloads/reference.conf")
    Path workload;

    @Option(names = "--pacer", defaultValue = "all",
            description = "progressive, ratio (2.0), vicidial, predictive or all (default: ${DEFAULT-VALUE})")
    String pacer;

    @Option(names = "--seed", defaultValue = "1", description = "first random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", description = "seeds to run: seed, seed+1, ... (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--agents", description = "team size instead of the workload's")
    Integer agents;

    @Override
    public Integer call() {
        if (seeds < 1 || (agents != null && agents < 1)) {
            System.err.println("--seeds and --agents must be at least 1");
            return 2;
        }
        Workload w;
        ConnectWindow window;
        try {
            w = WorkloadReader.read(workload);
            window = WorkloadReader.connectWindow(workload);
        } catch (WorkloadException e) {
            System.err.println(workload + ": " + e.problems().size() + " problem(s):");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 1;
        }
        if (agents != null) {
            w = w.withAgents(agents);
        }
        List<SimPacer> pacers;
        try {
            pacers = pacer.equals("all") ? List.of(SimPacer.values()) : List.of(SimPacer.of(pacer));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Map<String, List<ShiftResult>> results = new LinkedHashMap<>();
        for (SimPacer p : pacers) {
            List<ShiftResult> runs = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                ShiftSimulator sim = new ShiftSimulator(w, seed + i, window);
                runs.add(sim.run(p.create(sim.context())));
            }
            results.put(runs.get(0).pacer(), runs);
        }
        System.out.print(ResultTable.format(w, seed, seeds, results));
        return results.values().stream().flatMap(List::stream)
                .anyMatch(r -> r.overCap() && r.pacer().equals("predictive")) ? 3 : 0;
    }
}
