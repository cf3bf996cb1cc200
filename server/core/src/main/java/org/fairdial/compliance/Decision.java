package org.fairdial.compliance;

import java.time.Instant;
import java.util.Objects;

/** The answer of a compliance rule: {@link Allow} or {@link Deny} with the rule and a reason. */
public sealed interface Decision permits Decision.Allow, Decision.Deny {

    /** May dial. */
    static Decision allow() {
        return Allow.INSTANCE;
    }

    /** Must not dial, with no known time at which the answer changes. */
    static Deny deny(Rule rule, String reason) {
        return new Deny(rule, reason, null);
    }

    /** Must not dial before {@code retryAt}; the same rule allows the call from then on. */
    static Deny deny(Rule rule, String reason, Instant retryAt) {
        return new Deny(rule, reason, retryAt);
    }

    default boolean allowed() {
        return this instanceof Allow;
    }

    /** The call may be placed. */
    enum Allow implements Decision {
        INSTANCE;

        @Override
        public String toString() {
            return "allow";
        }
    }

    /**
     * The call must not be placed.
     *
     * @param rule    the rule that denied it
     * @param reason  for people: what was checked against what, e.g. the callee's local time and the window
     * @param retryAt earliest time this rule would allow the call, or null when unknown or never (DNC, consent,
     *                attempts exhausted): the dialer drops the lead instead of asking again
     */
    record Deny(Rule rule, String reason, Instant retryAt) implements Decision {
        public Deny {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "deny(" + rule + ", " + reason + (retryAt == null ? "" : ", retry at " + retryAt) + ")";
        }
    }
}
