package org.fairdial.config;

import java.time.Duration;

/**
 * Graceful shutdown on SIGTERM ({@code dialer.shutdown}).
 *
 * @param gracePeriod calls in progress may finish for this long; the rest are then hung up
 */
public record ShutdownConfig(Duration gracePeriod) {
}
