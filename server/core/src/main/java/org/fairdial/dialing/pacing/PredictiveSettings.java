package org.fairdial.dialing.pacing;

/**
 * Tuning of the {@link PredictivePacer}. A new unreserved dial is placed while its probability of costing an
 * abandon stays under a threshold. The threshold's base adapts so the free abandon budget (headroom minus
 * {@code riskMargin} times the risk already ringing) hovers around a target of {@code max(targetBudgetMin, targetBudgetPerAgent x agents)}
 * abandoned calls: it rises while more is free, falls while less is; below the target it is also scaled down by
 * the square of the free share, and with nothing free the pacer only dials with an agent reserved.
 *
 * @param initialRisk          starting threshold base
 * @param minRisk              lowest threshold base
 * @param maxRisk              highest threshold base
 * @param targetBudgetMin      free budget the threshold steers to, at least (abandoned calls)
 * @param targetBudgetPerAgent ... and per logged-in agent
 * @param adaptAnswers         answers over which the base can move by a factor e (300 by default: the answers
 *                             that earn about 9 abandons at 3%)
 * @param riskMargin           factor on the model's expected abandons wherever they are set against the
 *                             headroom (the marginal approximation undercounts losses, most in large teams)
 * @param safetyZ              standard deviations of the expected abandons kept inside the headroom
 * @param borrowShare          share of the answers the ringing calls are expected to bring that the headroom
 *                             may count before they arrive
 * @param minResolvedDials     dial outcomes needed before any unreserved dial
 * @param maxLinesPerAgent     lines ringing per logged-in agent, at most (a guard against wrong estimates)
 * @param exactUpTo            exact distributions while busy agents plus ringing calls are at most this many
 * @param answerZ              standard deviations of the answer share's upper confidence bound the risk is
 *                             computed at (its variance from the dials the estimate rests on)
 * @param changeThreshold      log-likelihood ratio at which the answer-rate monitor declares a change of regime
 *                             and the estimate restarts from the dials placed since
 */
public record PredictiveSettings(double initialRisk, double minRisk, double maxRisk, double targetBudgetMin,
                                 double targetBudgetPerAgent, double adaptAnswers, double riskMargin, double safetyZ,
                                 double borrowShare, int minResolvedDials, double maxLinesPerAgent, int exactUpTo,
                                 double answerZ, double changeThreshold) {

    /** The settings the benchmark in docs/pacing.md measured. */
    public static PredictiveSettings defaults() {
        return new PredictiveSettings(0.02, 0.002, 0.3, 4.0, 0.4, 300, 2.0, 2.0, 0.0, 100, 4.0, 60, 2.0, 6.0);
    }

    /** Free budget the threshold steers to with {@code agents} logged in. */
    public double targetBudget(int agents) {
        return Math.max(targetBudgetMin, targetBudgetPerAgent * agents);
    }
}
