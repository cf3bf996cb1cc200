package org.fairdial.admin;

import java.util.List;
import org.fairdial.config.ConfigProblem;

/**
 * Re-reads the operator's configuration file and applies it without dropping calls (what SIGHUP does). A
 * candidate with any problem is rejected whole and the running configuration stays. The same exception
 * conventions as {@link AgentControl} apply.
 */
public interface ConfigReloader {

    /** Validates and, when valid, applies the configuration file the server was started with. */
    Result reload();

    /**
     * What a reload did.
     *
     * @param applied  the new configuration is in force
     * @param problems why it was rejected (empty when applied)
     * @param summary  one line on what changed, e.g. "2 agents added, campaign spring: dial-ratio 1.0 -> 1.2"
     */
    record Result(boolean applied, List<ConfigProblem> problems, String summary) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** For a configuration built in code, which has no file to re-read: every request answers 501. */
    static ConfigReloader unavailable() {
        return () -> {
            throw new UnsupportedOperationException("this configuration was not read from a file, so there is nothing to reload");
        };
    }
}
