package org.fairdial.dialing;

import java.util.concurrent.atomic.AtomicInteger;
import org.fairdial.config.TrunkConfig;

/** The simultaneous-call limit of one trunk, shared by every campaign that uses it. */
public final class TrunkChannels {
    private volatile TrunkConfig trunk;
    private final AtomicInteger inUse = new AtomicInteger();

    public TrunkChannels(TrunkConfig trunk) {
        this.trunk = trunk;
    }

    /** Takes a channel if one is free. */
    public boolean tryAcquire() {
        while (true) {
            int now = inUse.get();
            if (now >= trunk.maxChannels()) {
                return false;
            }
            if (inUse.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    public void release() {
        inUse.updateAndGet(n -> Math.max(0, n - 1));
    }

    public int inUse() {
        return inUse.get();
    }

    public TrunkConfig trunk() {
        return trunk;
    }

    /** A reload changed the trunk: new calls use it (and its channel limit); calls in progress keep theirs. */
    public void update(TrunkConfig changed) {
        this.trunk = changed;
    }
}
