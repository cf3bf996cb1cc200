package org.fairdial.app;

import java.nio.file.Path;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import picocli.CommandLine.Option;

/** The {@code -c FILE} option of every command that reads the operator file (a picocli mixin). */
public final class CliConfigOption {

    @Option(names = {"-c", "--config"}, defaultValue = "config/dialer.conf",
            description = "HOCON file (default: ${DEFAULT-VALUE})")
    Path file;

    public Path file() {
        return file;
    }

    /** Loads and validates the file; on problems prints each to stderr after {@code verdict} and returns null. */
    public DialerConfig loadOrReport(String verdict) {
        try {
            return DialerConfigLoader.load(file);
        } catch (ConfigValidationException e) {
            System.err.println(file + ": " + e.problems().size() + " problem(s); " + verdict + ":");
            for (ConfigProblem problem : e.problems()) {
                System.err.println("  " + problem.format());
            }
            return null;
        }
    }
}
