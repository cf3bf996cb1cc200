package org.fairdial.sim;

/**
 * A dial in the simulation; its fate is drawn when it is placed.
 *
 * @param dialedAt seconds into the shift
 * @param answers  a person answers it (else busy, invalid or no answer)
 * @param agent    the agent reserved for it, or -1
 * @param ticket   its ticket with the live estimates
 */
record SimCall(double dialedAt, boolean answers, int agent, long ticket) {
}
