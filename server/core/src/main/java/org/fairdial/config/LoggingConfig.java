package org.fairdial.config;

import java.util.Map;

/**
 * Logging ({@code dialer.logging}).
 *
 * @param format text (one line per event) or json (one JSON object per line, for log shippers)
 * @param levels per-logger levels, e.g. {@code org.fairdial.sip = DEBUG}
 */
public record LoggingConfig(String format, Map<String, String> levels) {
    public LoggingConfig {
        levels = Map.copyOf(levels);
    }
}
