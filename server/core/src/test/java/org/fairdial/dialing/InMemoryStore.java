package org.fairdial.dialing;

import java.util.function.Consumer;
import org.fairdial.compliance.CampaignEpoch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.fairdial.compliance.AbandonHistory;
import org.fairdial.ports.CampaignCounts;
import org.fairdial.ports.CdrHistory;
import org.fairdial.ports.Denial;
import org.fairdial.ports.DenialLog;
import org.fairdial.ports.DialHistory;
import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.ports.LeadState;
import org.fairdial.ports.LeadStates;
import org.fairdial.ports.StoreException;

/**
 * The dialing ports kept in maps, with a switch that makes every call fail as a database that went away does
 * ({@link StoreException}), and a narrower one that fails only some lead-state writes. Counts the calls it refused.
 */
final class InMemoryStore implements DialHistory, LeadStates, DenialLog, DoNotCallEntries, CdrHistory {
    final Map<String, LeadState> leadStates = new HashMap<>();
    final List<Denial> denials = new ArrayList<>();
    final List<Instant> attempts = new ArrayList<>();
    /** Answered (not abandoned) calls of the campaign's history, replayed into its abandon windows at start. */
    final List<Instant> answeredHistory = new ArrayList<>();
    final Map<String, AbandonHistory> abandons = new HashMap<>();
    final Map<String, Instant> epochs = new HashMap<>();
    /** Every port call fails while true. */
    boolean down;
    /** Dial attempts cannot be recorded even while the rest of the store answers. */
    boolean attemptsDown;
    /** Lead-state writes that fail even while the store is up. */
    Predicate<LeadState> failSave = s -> false;
    int refused;
    /** Numbers on the internal do-not-call list. */
    final Set<String> internalDoNotCall = new HashSet<>();

    private void answer(String operation) {
        if (down) {
            refused++;
            throw new StoreException("Cannot " + operation + ": Connection refused", null);
        }
    }

    @Override
    public void recordAttempt(String number, String campaign, String leadId, boolean agentReserved, Instant at) {
        answer("record a call");
        if (attemptsDown) {
            refused++;
            throw new StoreException("Cannot record a call: disk full", null);
        }
        attempts.add(at);
    }

    @Override
    public List<Instant> attemptsSince(String number, Instant since) {
        answer("read calls");
        return List.of();
    }

    @Override
    public void recordAbandon(String number, Instant at) {
        answer("record last_abandon_at");
        abandons.put(number, new AbandonHistory(at, null));
    }

    @Override
    public void recordContact(String number, Instant at) {
        answer("record last_contact_at");
        abandons.put(number, new AbandonHistory(abandons(number).lastAbandonAt(), at));
    }

    @Override
    public AbandonHistory abandons(String number) {
        answer("read the abandon history");
        return abandons.getOrDefault(number, AbandonHistory.NONE);
    }

    @Override
    public Map<String, LeadState> load(String campaign) {
        answer("load lead state");
        return Map.copyOf(leadStates);
    }

    @Override
    public void save(LeadState lead) {
        answer("save lead");
        if (failSave.test(lead)) {
            refused++;
            throw new StoreException("Cannot save lead: statement timeout", null);
        }
        leadStates.put(lead.leadId(), lead);
    }

    @Override
    public void recordAll(List<Denial> batch) {
        answer("record " + batch.size() + " denial(s)");
        denials.addAll(batch);
    }

    @Override
    public boolean add(String number, String scope, DoNotCallSource source, String note, Instant at) {
        throw new UnsupportedOperationException("not used by the dialer");
    }

    @Override
    public boolean remove(String number, String scope) {
        throw new UnsupportedOperationException("not used by the dialer");
    }

    @Override
    public String find(String number, String campaign) {
        answer("check do-not-call");
        return internalDoNotCall.contains(number) ? DoNotCallEntries.INTERNAL : null;
    }

    @Override
    public String find(String number, String hashedForm, String campaign) {
        return find(number, campaign);
    }

    @Override
    public void forEachBarring(String campaign, Consumer<String> entries) {
        answer("list do-not-call entries");
    }

    @Override
    public CampaignCounts countCustomerLegs(String campaign, Instant since) {
        return new CampaignCounts(0, 0);
    }

    @Override
    public void forEachAnswer(String campaign, BiConsumer<Instant, Boolean> answeredAbandoned) {
        answeredHistory.forEach(at -> answeredAbandoned.accept(at, false));
    }

    @Override
    public void forEachMachine(String campaign, Consumer<Instant> answeredAt) {
        // no agent dispositions in this store
    }

    @Override
    public Instant campaignEpoch(String campaign, Instant now) {
        return epochs.computeIfAbsent(campaign, c -> CampaignEpoch.of(now));
    }
}
