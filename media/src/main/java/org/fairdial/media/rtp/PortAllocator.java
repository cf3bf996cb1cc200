package org.fairdial.media.rtp;

import java.util.BitSet;
import java.util.function.IntFunction;
import org.fairdial.media.PortsExhaustedException;

/**
 * Hands out the even ports of [portMin, portMax] with the odd port above each (RFC 3550 section 11: RTP on an
 * even port, RTCP on the next one): a port is only handed out if its pair fits in the range, and the binder binds
 * both; releasing the RTP port frees the pair. Ports are taken round-robin rather than lowest-first, so a port just
 * released is reused as late as possible and stray packets of a finished call do not land in the next one. A port
 * another process holds fails to bind and is skipped. Thread-safe; binding happens outside the lock.
 */
public final class PortAllocator {
    private final int firstPort;
    private final int lastPort;
    private final int count;
    private final BitSet inUse;
    private int cursor;

    public PortAllocator(int portMin, int portMax) {
        firstPort = portMin + (portMin & 1);
        lastPort = portMax;
        if (portMin < 1 || portMax > 65535 || firstPort + 1 > portMax) {
            throw new IllegalArgumentException("no even/odd port pair in " + portMin + "-" + portMax);
        }
        count = (portMax - firstPort - 1) / 2 + 1;
        inUse = new BitSet(count);
    }

    /** Number of port pairs (even RTP, odd RTCP) in the range. */
    public int capacity() {
        return count;
    }

    /** Ports currently handed out. */
    public synchronized int inUse() {
        return inUse.cardinality();
    }

    /**
     * Reserves a free even port and its odd neighbour, and binds them with {@code binder} (given the even port),
     * which returns null if either cannot be bound. Each free pair is tried at most once.
     *
     * @return what the binder returned for the port it bound (the port stays reserved until {@link #release})
     * @throws PortsExhaustedException if no port could be bound
     */
    public <T> T allocate(IntFunction<T> binder) throws PortsExhaustedException {
        BitSet tried = new BitSet(count);
        int failed = 0;
        while (true) {
            int port = reserve(tried);
            if (port < 0) {
                throw new PortsExhaustedException("no free RTP port in " + firstPort + "-" + lastPort + ": "
                        + inUse() + " of " + count + " in use here, " + failed + " failed to bind");
            }
            T bound = null;
            try {
                bound = binder.apply(port);
            } finally {
                if (bound == null) {
                    release(port);
                }
            }
            if (bound != null) {
                return bound;
            }
            failed++;
        }
    }

    /** Returns a port to the pool; releasing a port that is not in use does nothing. */
    public synchronized void release(int port) {
        int index = (port - firstPort) / 2;
        if (port >= firstPort && port < lastPort && (port & 1) == 0) {
            inUse.clear(index);
        }
    }

    private synchronized int reserve(BitSet tried) {
        for (int i = 0; i < count; i++) {
            int index = (cursor + i) % count;
            if (!inUse.get(index) && !tried.get(index)) {
                inUse.set(index);
                tried.set(index);
                cursor = (index + 1) % count;
                return firstPort + 2 * index;
            }
        }
        return -1;
    }
}
