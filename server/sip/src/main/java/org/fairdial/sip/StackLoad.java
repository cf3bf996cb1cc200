package org.fairdial.sip;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.stack.QueuedMessageDispatchBase;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.LongSupplier;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP stack's own load, read where the RI keeps it: each UDP listening point queues received datagrams, with
 * their reception time, for the stack's threads ({@code THREAD_POOL_SIZE}); the age of the oldest one waiting is
 * how far behind the stack is. The server transaction table counts work in progress over every transport. Both
 * reads are O(1), cheap enough for every request.
 */
final class StackLoad {
    private static final Logger LOG = LoggerFactory.getLogger(StackLoad.class);
    /** What a stack without a readable queue (TCP/TLS only, or an RI that changed) reports: no queue. */
    static final StackLoad NONE = new StackLoad(null, List.of(), System::currentTimeMillis);

    private final SIPTransactionStack stack;
    private final List<Queue<?>> queues;
    private final LongSupplier clockMillis;

    /** {@code stack} null: no server transactions (tests). */
    StackLoad(SIPTransactionStack stack, List<Queue<?>> queues, LongSupplier clockMillis) {
        this.stack = stack;
        this.queues = queues;
        this.clockMillis = clockMillis;
    }

    /** The load of {@code stack}, once its listening points are started. */
    static StackLoad of(Object stack, SipProvider provider) {
        List<Queue<?>> queues = new ArrayList<>();
        for (ListeningPoint lp : provider.getListeningPoints()) {
            if (lp instanceof ListeningPointImpl impl && impl.getMessageProcessor() instanceof UDPMessageProcessor udp) {
                Queue<?> queue = udpQueue(udp);
                if (queue != null) {
                    queues.add(queue);
                }
            }
        }
        return new StackLoad(stack instanceof SIPTransactionStack nist ? nist : null, List.copyOf(queues),
                System::currentTimeMillis);
    }

    /** The RI's queue of received datagrams: a protected field, no getter. */
    private static Queue<?> udpQueue(UDPMessageProcessor udp) {
        try {
            Field field = UDPMessageProcessor.class.getDeclaredField("messageQueue");
            field.setAccessible(true);
            return field.get(udp) instanceof Queue<?> queue ? queue : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot read the SIP stack's UDP queue ({}): overload is judged on server transactions only",
                    e.toString());
            return null;
        }
    }

    /** How long the oldest datagram still waiting for a stack thread has waited, in milliseconds; 0 if none. */
    long queueDelayMillis() {
        long oldest = 0;
        long now = clockMillis.getAsLong();
        for (Queue<?> queue : queues) {
            if (queue.peek() instanceof QueuedMessageDispatchBase head) {
                oldest = Math.max(oldest, now - head.getReceptionTime());
            }
        }
        return oldest;
    }

    /** Datagrams waiting for a stack thread. */
    int queueDepth() {
        int depth = 0;
        for (Queue<?> queue : queues) {
            depth += queue.size();
        }
        return depth;
    }

    /** Server transactions alive (every transport). */
    int serverTransactions() {
        return stack == null ? 0 : stack.getServerTransactionTableSize();
    }
}
