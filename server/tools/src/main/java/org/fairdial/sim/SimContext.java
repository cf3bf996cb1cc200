package org.fairdial.sim;

import java.util.function.LongSupplier;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.dialing.pacing.LiveEstimates;

/**
 * What a pacer under simulation may be built from: the workload (for its team size only), the live estimates
 * and accountant the simulator feeds, and the shift's answered and abandoned counts (VICIdial's "drop ratio").
 */
public record SimContext(Workload workload, LiveEstimates estimates, AbandonAccountant accountant,
                         LongSupplier answered, LongSupplier abandoned) {

    /** Abandoned over answered so far in the shift (one shift is one day). */
    public double dayDropRatio() {
        long a = answered.getAsLong();
        return a == 0 ? 0 : (double) abandoned.getAsLong() / a;
    }
}
