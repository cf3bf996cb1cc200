package org.fairdial.dialing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A campaign's leads in waiting: ready now (in list order), due later (by time), those whose next call needs
 * an agent set aside first, and callbacks only one agent may take (ready once due, dialed when that agent is
 * free). Confined to the dialer thread.
 */
final class LeadQueue {
    private final Deque<Lead> ready = new ArrayDeque<>();
    private final PriorityQueue<Due> later = new PriorityQueue<>(Comparator.comparing(Due::at));
    private final Deque<Lead> needAgent = new ArrayDeque<>();
    private final Map<String, Lead> byId = new HashMap<>();
    /** Lead id to the only agent who may take its next call (an agent-only callback). */
    private final Map<String, String> owners = new HashMap<>();
    private final Deque<Lead> ownedReady = new ArrayDeque<>();

    /** Adds leads not known yet, each ready or due when the book says; returns how many were added. */
    int add(List<Lead> leads, LeadBook book, Instant now) {
        int added = 0;
        for (Lead lead : leads) {
            if (byId.putIfAbsent(lead.id(), lead) != null) {
                continue;
            }
            added++;
            Instant eligible = book.eligibleAt(lead);
            if (eligible == null) {
                continue; // done
            }
            if (eligible.isAfter(now)) {
                later.add(new Due(eligible, lead));
            } else {
                ready.add(lead);
            }
        }
        return added;
    }

    /** Keeps only the leads of {@code leads} (a reloaded list); calls in progress are not affected. */
    void retain(List<Lead> leads) {
        Set<String> keep = new HashSet<>();
        leads.forEach(l -> keep.add(l.id()));
        byId.keySet().retainAll(keep);
        ready.removeIf(l -> !keep.contains(l.id()));
        later.removeIf(d -> !keep.contains(d.lead().id()));
        needAgent.removeIf(l -> !keep.contains(l.id()));
        ownedReady.removeIf(l -> !keep.contains(l.id()));
        owners.keySet().retainAll(keep);
    }

    /** Moves leads whose time has come to the ready queue. */
    void release(Instant now) {
        while (!later.isEmpty() && !later.peek().at().isAfter(now)) {
            Lead lead = later.poll().lead();
            (owners.containsKey(lead.id()) ? ownedReady : ready).add(lead);
        }
    }

    /** The lead's next call waits for {@code agentId} alone (until {@link #disown}). */
    void own(Lead lead, String agentId) {
        owners.put(lead.id(), agentId);
    }

    void disown(Lead lead) {
        owners.remove(lead.id());
    }

    /** The agent the lead's next call waits for, or null. */
    String ownerOf(Lead lead) {
        return owners.get(lead.id());
    }

    /** Due callbacks waiting for their agent, oldest first; the caller may remove the ones it dials. */
    Deque<Lead> ownedReady() {
        return ownedReady;
    }

    Lead nextReady() {
        return ready.poll();
    }

    Lead nextNeedingAgent() {
        return needAgent.poll();
    }

    void needsAgent(Lead lead) {
        needAgent.add(lead);
    }

    void putBackNeedingAgent(Lead lead) {
        needAgent.addFirst(lead);
    }

    /** Known (for {@link #byId} and reloads) but in no queue: its last outcome is still to be stored. */
    void hold(Lead lead) {
        byId.putIfAbsent(lead.id(), lead);
    }

    void dueAt(Instant at, Lead lead) {
        later.add(new Due(at, lead));
    }

    Lead byId(String id) {
        return byId.get(id);
    }

    /** Takes a lead out of every queue (it is about to be dialed outside the pacing). */
    void remove(Lead lead) {
        ready.remove(lead);
        needAgent.remove(lead);
        ownedReady.remove(lead);
        later.removeIf(d -> d.lead().equals(lead));
    }

    boolean hasReady() {
        return !ready.isEmpty();
    }

    boolean hasNeedingAgent() {
        return !needAgent.isEmpty();
    }

    int readyCount() {
        return ready.size();
    }

    /** Leads known to the campaign, in a queue or not. */
    int knownCount() {
        return byId.size();
    }

    int laterCount() {
        return later.size();
    }

    /** When the next lead becomes due, or null. */
    Instant nextDue() {
        Due next = later.peek();
        return next == null ? null : next.at();
    }

    private record Due(Instant at, Lead lead) {
    }
}
