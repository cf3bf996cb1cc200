package org.fairdial.admin;

import java.time.Instant;
import java.util.Map;

/**
 * The do-not-call list as the API sees it: numbers are E.164 ({@code +} and digits), already checked. The same
 * exception conventions as {@link AgentControl} apply.
 */
public interface DoNotCallControl {

    /** Adds the number (no effect if it is listed already); {@code reason} may be null. */
    void add(String e164, String reason);

    /** Removes the number; false if it was not listed. */
    boolean remove(String e164);

    /** True if the number must not be called. */
    boolean contains(String e164);

    /** Declared download times of the national registries loaded, by name; an undated registry is absent. */
    default Map<String, Instant> registryDownloads() {
        return Map.of();
    }
}
