/**
 * Pacing: how many calls a campaign places now. A {@link org.fairdial.dialing.pacing.Pacer} is a pure component:
 * it decides from a {@link org.fairdial.dialing.pacing.PacingSnapshot} (agents free, busy agents' elapsed talk or
 * wrap-up, ringing calls' ages), the campaign's {@link org.fairdial.dialing.pacing.LiveEstimates} and its
 * {@link org.fairdial.dialing.pacing.AbandonBudget}, all passed in, so the live dialer and the simulator run the
 * same code. Modes: preview and progressive (an agent reserved per call), ratio, and predictive (spends the
 * abandon budget, never more; see docs/pacing.md).
 */
package org.fairdial.dialing.pacing;
