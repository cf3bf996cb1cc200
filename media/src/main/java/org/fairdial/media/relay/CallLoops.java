package org.fairdial.media.relay;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts the legs of one call on one event loop: a bridged packet is then relayed on the thread that read it, with
 * no hand-over to another loop (a task and a wake-up per packet, the larger part of the relay's cost per packet
 * when the legs sat on different threads). Calls are spread over the loops as {@link EventLoopGroup#next()} does.
 */
final class CallLoops {
    private final EventLoopGroup group;
    private final Map<String, Entry> byCall = new HashMap<>();

    private static final class Entry {
        final EventLoop loop;
        int legs;

        Entry(EventLoop loop) {
            this.loop = loop;
        }
    }

    CallLoops(EventLoopGroup group) {
        this.group = group;
    }

    /** The loop of call {@code callId}, counting one more leg on it (release it when the leg closes). */
    synchronized EventLoop acquire(String callId) {
        Entry entry = byCall.computeIfAbsent(callId, id -> new Entry(group.next()));
        entry.legs++;
        return entry.loop;
    }

    /** One leg of {@code callId} closed (or was never opened); the call's loop is forgotten with its last leg. */
    synchronized void release(String callId) {
        Entry entry = byCall.get(callId);
        if (entry != null && --entry.legs == 0) {
            byCall.remove(callId);
        }
    }

    /** Calls with a leg open. */
    synchronized int calls() {
        return byCall.size();
    }
}
