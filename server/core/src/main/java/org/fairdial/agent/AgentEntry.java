package org.fairdial.agent;

import org.fairdial.config.AgentConfig;
import java.time.Instant;

/** One agent's mutable record inside {@link AgentRegistry}; only touched under the registry's lock. */
final class AgentEntry {
    AgentConfig account;
    AgentState state = AgentState.LOGGED_OUT;
    Instant since;
    String contact;
    Instant expiresAt;
    long callsHandled;
    /** Bumped on every state change, so a wrap-up timer from an older call can tell it is stale. */
    long epoch;
    /** Pause reason asked for while in a call: applied when the call lets go of the agent. */
    String pendingPause;
    String pauseReason;
    /** The account was removed by a reload while the agent was busy: dropped when the call ends. */
    boolean retired;
    /** Bridges this agent's phone failed in a row (reset by a call it takes). */
    int failures;
    /** Out of rotation until then after its last failure, or null. */
    Instant heldUntil;

    AgentEntry(AgentConfig account, Instant now) {
        this.account = account;
        this.since = now;
    }

    boolean inCall() {
        return state == AgentState.RESERVED || state == AgentState.RINGING || state == AgentState.TALKING;
    }

    boolean takesCalls() {
        return state == AgentState.AVAILABLE && contact != null;
    }

    AgentSnapshot snapshot() {
        return new AgentSnapshot(account.id(), state, since, contact, expiresAt, callsHandled, pauseReason, failures,
                heldUntil);
    }
}
