package org.fairdial.dialing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.compliance.AbandonHistory;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.DialPermission;
import org.fairdial.compliance.LeadFacts;
import org.fairdial.compliance.NumberFacts;
import org.fairdial.compliance.RegistryFreshness;
import org.fairdial.compliance.Rule;
import org.fairdial.config.CampaignConfig;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.privacy.NumberMask;
import org.fairdial.ports.Denial;
import org.fairdial.ports.DenialLog;
import org.fairdial.ports.DialHistory;
import org.fairdial.ports.LeadState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign's compliance gate, three calls for the dialer: {@link #check} right before each INVITE (every rule,
 * do-not-call lists and the freshness of the national registries included; a denial is recorded with its rule), {@link #dialing} when the INVITE is sent, and
 * {@link #outcome} when the customer leg ends. Confined to the dialer thread, like the {@link LeadBook} it wraps.
 */
public final class DialGate {
    private static final Logger LOG = LoggerFactory.getLogger(DialGate.class);

    private final CampaignConfig config;
    private final LeadBook book;
    private final DialPermission permission;
    private final NumberFacts facts;
    private final DialHistory history;
    private final DenialLog denials;
    private final NumberMask mask;
    private final DoNotCallLists doNotCall;

    public DialGate(LeadBook book, DoNotCallLists doNotCall, DialHistory history,
                    DenialLog denials, NumberMask mask) {
        this.config = book.config();
        this.book = book;
        this.permission = new DialPermission(config.rules());
        this.history = history;
        this.denials = denials;
        this.mask = mask;
        this.doNotCall = doNotCall;
        this.facts = new NumberFacts() {
            @Override
            public String doNotCallList(String e164) {
                return doNotCall.match(config, e164);
            }

            @Override
            public AbandonHistory abandons(String e164) {
                return history.abandons(e164);
            }

            @Override
            public List<Instant> attemptsSince(String e164, Instant since) {
                return history.attemptsSince(e164, since);
            }
        };
    }

    /** The lead outcomes this gate keeps. */
    LeadBook book() {
        return book;
    }

    /**
     * May the lead be called now? Call it at the last moment before the INVITE. A denial is stored (campaign, lead,
     * number, rule, reason) and logged; its {@code retryAt} says when to ask again, null meaning drop the lead.
     *
     * @param agentReserved an agent is set aside for this call before dialing
     */
    public Decision check(Lead lead, Instant now, boolean agentReserved) {
        LeadState state = book.state(lead);
        Decision d;
        Decision fresh = RegistryFreshness.check(config.profile(), config.doNotCall().registries(),
                doNotCall.downloadedAt(), now);
        if (state != null && state.done()) {
            d = Decision.deny(Rule.MAX_ATTEMPTS, "the lead is done after " + state.attempts()
                    + " attempt(s), last outcome " + state.lastDisposition());
        } else if (!fresh.allowed()) {
            d = fresh;
        } else {
            LeadFacts facts = new LeadFacts(lead.e164(), lead.timeZone(), lead.consent(),
                    state == null ? 0 : state.attempts(), state == null ? null : state.nextEligibleAt());
            d = permission.check(facts, this.facts, now, agentReserved);
        }
        if (d instanceof Decision.Deny deny) {
            denials.record(new Denial(UUID.randomUUID(), config.name(), lead.id(), lead.e164(), deny.rule(),
                    deny.reason(), deny.retryAt(), now));
            // Postponements recur for every lead outside the hours; permanent refusals are worth a line each, and
            // so is a stale registry (the runner then takes no lead until the recheck, so one line a minute).
            if (deny.rule() == Rule.DNC_REGISTRY_STALE) {
                LOG.warn("campaign {}: not dialing: {}", config.name(), deny.reason());
            } else if (deny.retryAt() == null) {
                LOG.info("campaign {}: {} not dialed: {}: {}", config.name(), mask.mask(lead.e164()),
                        deny.rule(), deny.reason());
            } else {
                LOG.debug("campaign {}: {} not dialed before {}: {}: {}", config.name(),
                        mask.mask(lead.e164()), deny.retryAt(), deny.rule(), deny.reason());
            }
        }
        return d;
    }

    /** The INVITE is about to leave: counts the attempt for the lead and for the number's frequency cap. */
    public void dialing(Lead lead, Instant now, boolean agentReserved) {
        history.recordAttempt(lead.e164(), config.name(), lead.id(), agentReserved, now);
        book.dialing(lead, now);
    }

    /**
     * The customer leg ended: stores the outcome, the abandon (for redial lockouts across campaigns) or the live
     * contact (which satisfies the Garante's agent-after-lockout rule). Returns when to try again, or null.
     */
    public Instant outcome(Lead lead, CdrLeg cdr, Instant now) {
        if (cdr.disposition() == Disposition.ABANDONED) {
            history.recordAbandon(lead.e164(), now);
        } else if (cdr.disposition() == Disposition.ANSWERED) {
            history.recordContact(lead.e164(), now);
        }
        return book.outcome(lead, cdr, now);
    }
}
