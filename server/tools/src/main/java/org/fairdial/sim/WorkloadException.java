package org.fairdial.sim;

import java.util.List;

/** A workload file that cannot be simulated, with every problem found in it. */
public final class WorkloadException extends RuntimeException {
    private final List<String> problems;

    public WorkloadException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
