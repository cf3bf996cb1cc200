package org.fairdial.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration has one or more problems; the server must not start with it. */
public final class ConfigValidationException extends Exception {
    private final transient List<ConfigProblem> problems;

    public ConfigValidationException(List<ConfigProblem> problems) {
        super(problems.size() + " configuration problem(s):\n" + problems.stream()
                .map(p -> "  " + p.format()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
