package org.fairdial.config;

/**
 * One thing wrong with a configuration, e.g.
 * {@code dialer.campaigns.spring.abandon.max-duration (config/dialer.conf:41): 5s exceeds the 3s cap of profile
 * it-garante}.
 *
 * @param path   full key path
 * @param origin file:line (or resource:line) the value came from, or null when the key is missing
 * @param value  the offending value as written, or null when the key is missing
 * @param rule   what is wrong, phrased to follow the value
 */
public record ConfigProblem(String path, String origin, String value, String rule) {

    /** One line for operators: path, origin, value and rule. */
    public String format() {
        StringBuilder line = new StringBuilder(path);
        if (origin != null) {
            line.append(" (").append(origin).append(')');
        }
        line.append(": ");
        if (value != null) {
            line.append(value).append(' ');
        }
        return line.append(rule).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
