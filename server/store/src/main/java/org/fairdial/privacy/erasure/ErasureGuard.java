package org.fairdial.privacy.erasure;

import org.fairdial.privacy.NumberHasher;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fairdial.cdr.store.CdrBatchStore;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.storage.JdbcPrivacyRepository;

/**
 * Keeps an erasure from being undone by a record that was on its way to the database when it ran: a leg in the
 * writer's queue or in the journal during an outage, inserted after {@code privacy erase} blanked the table.
 *
 * <p>After each batch is committed, the erasures recorded since the batch's oldest leg began (usually none: one
 * indexed query) are matched against the batch's numbers by hash, and matching legs are blanked. The order makes
 * it race-free: an erasure commits its audit row before it blanks the table, and this check runs after the batch
 * commits; whichever comes second sees the other. If the process dies between the insert and this check, the
 * journal still holds the batch (it is trimmed only after both), so the replay repeats the check.
 */
public final class ErasureGuard implements CdrBatchStore {
    /** Clock difference tolerated between the machine that ran the erasure and this one. */
    static final Duration CLOCK_SLACK = Duration.ofHours(1);

    private final CdrBatchStore delegate;
    private final JdbcPrivacyRepository privacy;
    private final NumberHasher hasher;
    private final InstantSource clock;

    public ErasureGuard(CdrBatchStore delegate, JdbcPrivacyRepository privacy, NumberHasher hasher,
                        InstantSource clock) {
        this.delegate = delegate;
        this.privacy = privacy;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public int insertBatch(List<CdrLeg> legs) {
        int inserted = delegate.insertBatch(legs);
        Instant oldest = null;
        for (CdrLeg leg : legs) {
            if (oldest == null || leg.createdAt().isBefore(oldest)) {
                oldest = leg.createdAt();
            }
        }
        if (oldest == null) {
            return inserted;
        }
        Set<String> erased = privacy.erasedSince(oldest.minus(CLOCK_SLACK));
        if (!erased.isEmpty()) {
            List<UUID> blank = new ArrayList<>();
            for (CdrLeg leg : legs) {
                String number = leg.kind() == LegKind.CUSTOMER ? leg.normalizedNumber() : Blanking.presentedNumber(leg);
                if (number != null && erased.contains(hasher.hash(number))) {
                    blank.add(leg.legId());
                }
            }
            privacy.blankLegs(blank, clock.instant());
        }
        return inserted;
    }
}
