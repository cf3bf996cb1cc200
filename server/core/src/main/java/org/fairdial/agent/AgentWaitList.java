package org.fairdial.agent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answered calls waiting, within their connect window, for an agent about to become free: served in the order
 * they started waiting, each by an agent of its campaign reserved for it, ahead of new dials (a waiting callee is
 * already on the line).
 */
final class AgentWaitList {
    private record Waiter(String campaign, Consumer<String> reserved) {
    }

    private final Map<String, Waiter> waiting = new LinkedHashMap<>();

    synchronized void add(String waiter, String campaign, Consumer<String> reserved) {
        waiting.put(waiter, new Waiter(campaign, reserved));
    }

    synchronized void remove(String waiter) {
        waiting.remove(waiter);
    }

    synchronized boolean isEmpty() {
        return waiting.isEmpty();
    }

    /**
     * Reserves agents with {@code reserve} (campaign to agent id, or empty) for waiters, first come first served,
     * and calls each served waiter back after the list's lock is let go.
     */
    void serve(Function<String, Optional<String>> reserve) {
        List<Runnable> handOver = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Waiter> it = waiting.values().iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                Optional<String> agent = reserve.apply(w.campaign());
                if (agent.isEmpty()) {
                    break;
                }
                it.remove();
                handOver.add(() -> w.reserved().accept(agent.get()));
            }
        }
        handOver.forEach(Runnable::run);
    }
}
