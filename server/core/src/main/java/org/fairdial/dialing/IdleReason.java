package org.fairdial.dialing;

import java.time.Instant;

/**
 * Why a running campaign places no call now although it is not waiting for one in progress, and when it dials
 * next (null: never, unless leads are added by a reload).
 *
 * @param rule       the compliance rule behind it ({@code calling-hours}, {@code do-not-call}...), or null when
 *                   no rule refused a lead (every lead done, or an empty list)
 * @param reason     for people: what holds the campaign back
 * @param nextDialAt when the first lead waiting becomes due, or null
 */
public record IdleReason(String rule, String reason, Instant nextDialAt) {
}
