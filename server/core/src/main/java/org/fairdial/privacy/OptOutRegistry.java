package org.fairdial.privacy;

import java.time.Instant;

/**
 * Where an erased number that opted out is remembered, by its {@link NumberHasher hash} only, so it is never
 * called again: the internal do-not-call list. The list itself is another module's; {@code privacy erase} reports
 * to it through this hook. Until one is plugged in, {@link #AUDIT_ONLY} leaves the hash in the erasure audit
 * ({@code privacy_erasure.opted_out}), from which a do-not-call list can import it.
 */
@FunctionalInterface
public interface OptOutRegistry {

    /** Nothing beyond the erasure audit row. */
    OptOutRegistry AUDIT_ONLY = (hash, at) -> false;

    /**
     * Records that the person behind {@code numberHash} opted out.
     *
     * @return true when a do-not-call list took it, false when only the erasure audit holds it
     */
    boolean recordOptOut(String numberHash, Instant at);
}
