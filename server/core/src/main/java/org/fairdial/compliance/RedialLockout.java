package org.fairdial.compliance;

import java.time.Duration;
import java.time.Instant;

/**
 * No new call to a number soon after we abandoned a call to it.
 * Italy, Garante provv. 20 February 2014 n. 83 ("chiamate mute"): not within 5 days, and the next contact only
 * with an agent present ({@code agentRequiredAfter}). UK, Ofcom persistent misuse statement (2016), Annex 1:
 * not within 72 hours unless a live agent is guaranteed ({@code agentExempt}). US TSR: no such rule.
 *
 * @param lockout            how long after an abandon no call is made (zero: no lockout)
 * @param agentExempt        a call with an agent reserved before dialing may be made within the lockout
 * @param agentRequiredAfter once the lockout has ended, calls need a reserved agent until an agent has spoken
 *                           to the callee
 */
public record RedialLockout(Duration lockout, boolean agentExempt, boolean agentRequiredAfter) {

    public static final RedialLockout NONE = new RedialLockout(Duration.ZERO, false, false);

    public Decision check(AbandonHistory history, Instant now, boolean agentReserved) {
        Instant abandoned = history.lastAbandonAt();
        if (abandoned == null || history.contactSinceAbandon()) {
            return Decision.allow();
        }
        Instant until = abandoned.plus(lockout);
        if (now.isBefore(until)) {
            if (agentExempt && agentReserved) {
                return Decision.allow();
            }
            return Decision.deny(Rule.REDIAL_LOCKOUT, "abandoned at " + abandoned + "; no call for "
                    + Durations.format(lockout) + (agentExempt ? " unless an agent is reserved" : ""), until);
        }
        if (agentRequiredAfter && !agentReserved) {
            return Decision.deny(Rule.AGENT_REQUIRED, "abandoned at " + abandoned
                    + "; the next call needs an agent reserved before dialing");
        }
        return Decision.allow();
    }

    /**
     * True if every call this allows, {@code other} allows too: a lockout at least as long, an agent exemption
     * only where {@code other} has one (or no lockout at all), and an agent required afterwards wherever
     * {@code other} requires one.
     */
    public boolean atLeastAsStrictAs(RedialLockout other) {
        boolean exemptionCovered = !agentExempt || lockout.isZero() || other.agentExempt || other.lockout.isZero();
        return lockout.compareTo(other.lockout) >= 0 && exemptionCovered
                && (agentRequiredAfter || !other.agentRequiredAfter);
    }
}
