package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.config.CampaignConfig;
import org.fairdial.ports.CampaignCounts;
import org.fairdial.ports.CdrHistory;
import org.fairdial.ports.LeadStates;
import org.fairdial.ports.LeadState;

/**
 * What the campaign remembers about its leads, persisted so a restart resumes without redialing anything early.
 * Used only from the dialer thread.
 */
public final class LeadBook {
    private volatile CampaignConfig config;
    private final LeadStates states;
    private final Map<String, LeadState> known;
    private final CampaignCounts before;

    public LeadBook(CampaignConfig config, LeadStates states,
                    CdrHistory cdrs) {
        this.config = config;
        this.states = states;
        this.known = new HashMap<>(states.load(config.name()));
        this.before = cdrs.countCustomerLegs(config.name(), Instant.EPOCH);
    }

    /** A reload changed the campaign: retry rules and lockouts of the new settings apply from now on. */
    void update(CampaignConfig changed) {
        this.config = changed;
    }

    long answeredBefore() {
        return before.answered();
    }

    long abandonedBefore() {
        return before.abandoned();
    }

    /** What is stored about the lead, or null if it was never dialed. */
    LeadState state(Lead lead) {
        return known.get(lead.id());
    }

    CampaignConfig config() {
        return config;
    }

    /** When the lead may be dialed (EPOCH: now), or null when it is done. */
    Instant eligibleAt(Lead lead) {
        LeadState state = known.get(lead.id());
        if (state == null) {
            return Instant.EPOCH;
        }
        if (state.done()) {
            return null;
        }
        return state.nextEligibleAt() == null ? Instant.EPOCH : state.nextEligibleAt();
    }

    /**
     * Records the attempt before the INVITE leaves. Until its outcome is known the lead is held back as if the call
     * were abandoned, so a crash mid-call can never lead to an early redial.
     */
    void dialing(Lead lead, Instant now) {
        LeadState old = known.get(lead.id());
        int attempts = old == null ? 1 : old.attempts() + 1;
        Instant holdBack = now.plus(max(config.rules().retry().abandoned(), config.rules().lockout().lockout()));
        save(new LeadState(config.name(), lead.id(), lead.e164(), attempts, old == null ? null
                : old.lastDisposition(), now, holdBack, false));
    }

    /** Records the outcome; returns when to try again, or null when the lead is done. */
    Instant outcome(Lead lead, CdrLeg cdr, Instant now) {
        LeadState old = known.get(lead.id());
        int attempts = old == null ? 1 : old.attempts();
        Disposition d = cdr.disposition();
        Instant next = config.rules().retry().next(d, attempts, now);
        if (d == Disposition.ABANDONED) {
            // The lockout itself is the gate's (abandon history across campaigns); never retry inside it.
            Duration lockout = config.rules().lockout().lockout();
            next = next == null ? null : max(next, now.plus(lockout));
        }
        boolean done = next == null;
        save(new LeadState(config.name(), lead.id(), lead.e164(), attempts, d, old == null ? now
                : old.lastAttemptAt(), done ? null : next, done));
        return done ? null : next;
    }

    /**
     * An agent disposed of the lead's last call: kept with the lead. A CALLBACK is due at {@code callbackAt};
     * ANSWERING_MACHINE keeps the retry the outcome set; every other code ends the lead.
     * Returns when to dial again, or null.
     */
    Instant disposed(Lead lead, String code, Instant callbackAt, Instant now) {
        LeadState old = known.get(lead.id());
        int attempts = old == null ? 1 : old.attempts();
        Instant next;
        if (code.equals("CALLBACK")) {
            next = callbackAt;
        } else if (code.equals("ANSWERING_MACHINE")) {
            next = old == null || old.done() ? null : old.nextEligibleAt();
        } else {
            next = null;
        }
        boolean noConsent = code.equals("NO_CONSENT") || (old != null && old.noConsent());
        save(new LeadState(config.name(), lead.id(), lead.e164(), attempts, old == null ? null
                : old.lastDisposition(), old == null ? now : old.lastAttemptAt(), next, next == null, code,
                noConsent));
        return next;
    }

    /** The store first: when it fails, what the book remembers stays as it was, so a retry computes the same. */
    private void save(LeadState state) {
        states.save(state);
        known.put(state.leadId(), state);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
