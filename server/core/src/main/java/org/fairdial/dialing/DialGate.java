package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.compliance.AbandonHistory;
import org.fairdial.compliance.CalleeZones;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.DialPermission;
import org.fairdial.compliance.DialingRules;
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
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.ports.LeadState;
import org.fairdial.ports.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign's compliance gate, three calls for the dialer: {@link #check} right before each INVITE (every rule,
 * do-not-call lists and the freshness of the national registries included; a denial is recorded with its rule), {@link #dialing} when the INVITE is sent, and
 * {@link #outcome} when the customer leg ends. Confined to the dialer thread, like the {@link LeadBook} it wraps.
 */
public final class DialGate {
    private static final Logger LOG = LoggerFactory.getLogger(DialGate.class);
    /** A lead not dialed because the store failed is asked about again this much later (at the earliest). */
    static final Duration STORE_RETRY = Duration.ofSeconds(1);
    /**
     * Denials the store could not take, kept to be written when it answers again. Past this many (at 4 probes a
     * second per campaign, more than 40 minutes of outage) further ones are counted, not kept: the decisions
     * stand either way, only their rows are missing from the report.
     */
    static final int MAX_UNWRITTEN_DENIALS = 10_000;

    private final CampaignConfig config;
    private final LeadBook book;
    private final DialPermission permission;
    private final NumberFacts facts;
    private final DialHistory history;
    private final DenialLog denials;
    private final NumberMask mask;
    private final List<Denial> unwritten = new ArrayList<>();
    private long droppedDenials;
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
        Decision d;
        try {
            d = decide(lead, now, agentReserved);
        } catch (StoreException e) {
            return unavailable(lead, now, e);
        }
        if (d instanceof Decision.Deny deny) {
            record(lead, deny, now);
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

    private Decision decide(Lead lead, Instant now, boolean agentReserved) {
        LeadState state = book.state(lead);
        if (config.rules().consent().required() && ((state != null && state.noConsent())
                || doNotCall.consentWithdrawn(lead.e164()))) {
            return Decision.deny(Rule.CONSENT, "an agent reported the callee gave no consent (NO_CONSENT)");
        }
        if (state != null && state.done()) {
            return Decision.deny(Rule.MAX_ATTEMPTS, "the lead is done after " + state.attempts()
                    + " attempt(s), last outcome " + state.lastDisposition());
        }
        Decision fresh = RegistryFreshness.check(config.profile(), config.doNotCall().registries(),
                doNotCall.downloadedAt(), now);
        if (!fresh.allowed()) {
            return fresh;
        }
        LeadFacts leadFacts = new LeadFacts(lead.e164(), lead.timeZone(), lead.consent(),
                state == null ? 0 : state.attempts(), state == null ? null : state.nextEligibleAt());
        return permission.check(leadFacts, this.facts, now, agentReserved);
    }

    /**
     * The store failed while the call was checked ({@link #check}) or counted ({@link #dialing}): the call is
     * postponed with {@link Rule#STORE_UNAVAILABLE}, recorded like any denial (kept in memory until the store
     * takes it). Not logged per lead: the dialer logs the outage once ({@link StoreHealth}).
     */
    public Decision.Deny unavailable(Lead lead, Instant now, StoreException cause) {
        Decision.Deny deny = Decision.deny(Rule.STORE_UNAVAILABLE, Rule.STORE_UNAVAILABLE.code() + ": "
                + cause.getMessage(), now.plus(STORE_RETRY));
        record(lead, deny, now);
        return deny;
    }

    private void record(Lead lead, Decision.Deny deny, Instant now) {
        Denial denial = new Denial(UUID.randomUUID(), config.name(), lead.id(), lead.e164(), deny.rule(),
                deny.reason(), deny.retryAt(), now);
        if (unwritten.isEmpty()) {
            try {
                denials.record(denial);
                return;
            } catch (StoreException e) {
                // kept below, written by flushDenials once the store answers
            }
        }
        if (unwritten.size() < MAX_UNWRITTEN_DENIALS) {
            unwritten.add(denial);
        } else {
            droppedDenials++;
        }
    }

    /** Denials decided while the store was down and not written yet. */
    public int unwrittenDenials() {
        return unwritten.size();
    }

    /** Denials not kept because {@link #MAX_UNWRITTEN_DENIALS} were waiting already. */
    public long droppedDenials() {
        return droppedDenials;
    }

    /**
     * Writes the denials kept while the store was down, in one batch.
     *
     * @throws StoreException the store still fails; they stay kept
     */
    public void flushDenials() {
        if (unwritten.isEmpty()) {
            return;
        }
        denials.recordAll(List.copyOf(unwritten));
        unwritten.clear();
    }

    /**
     * The INVITE is about to leave: counts the attempt for the lead and for the number's frequency cap.
     *
     * @throws StoreException the attempt could not be counted: the call must not be placed
     */
    public void dialing(Lead lead, Instant now, boolean agentReserved) {
        history.recordAttempt(lead.e164(), config.name(), lead.id(), agentReserved, now);
        book.dialing(lead, now);
    }

    /**
     * When a callback asked for {@code asked} can be placed: then, or the next opening of the callee's calling hours
     * (holidays included) when it falls outside them, so the lead is stored as due when it will be dialed.
     */
    public Instant callbackDue(Lead lead, Instant asked) {
        DialingRules rules = config.rules();
        Instant open = rules.window().nextOpening(CalleeZones.of(lead.e164(), lead.timeZone(), rules.defaultZone()),
                asked);
        if (open == null || !open.isAfter(asked)) {
            return asked;
        }
        LOG.info("campaign {}: callback to {} asked for {}, outside calling hours: due at their opening {}",
                config.name(), mask.mask(lead.e164()), asked, open);
        return open;
    }

    /**
     * An agent disposed of the lead's call: the lead's state keeps the code; DNC puts the number on the internal
     * list at once, NO_CONSENT bars it from every campaign needing consent. Returns when to dial again, or null.
     */
    public Instant disposed(Lead lead, String code, String agent, Instant callbackAt, Instant now) {
        String note = "agent " + agent + " disposition " + code + " (campaign " + config.name() + ")";
        if (code.equals("DNC")) {
            doNotCall.addInternal(lead.e164(), DoNotCallSource.AGENT, note, now);
        } else if (code.equals("NO_CONSENT")) {
            doNotCall.withdrawConsent(lead.e164(), note, now);
        }
        LOG.info("campaign {}: {} disposed of by agent {}: {}", config.name(), mask.mask(lead.e164()), agent, code);
        return book.disposed(lead, code, callbackAt, now);
    }

    /**
     * The customer leg ended: stores the outcome, the abandon (for redial lockouts across campaigns) or the live
     * contact (which satisfies the Garante's agent-after-lockout rule). Returns when to try again, or null.
     * Writing the same leg's outcome again stores the same state, so a failed call may simply be repeated.
     *
     * @throws StoreException the outcome was not (or not wholly) stored
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
