package org.fairdial.ports;

/**
 * Customer-leg outcomes of one campaign over a period, the inputs of the abandon rate.
 *
 * @param answered  customer legs the callee answered: {@code ANSWERED} plus {@code ABANDONED}
 * @param abandoned customer legs answered but not connected to an agent in time ({@code ABANDONED})
 */
public record CampaignCounts(long answered, long abandoned) {
}
