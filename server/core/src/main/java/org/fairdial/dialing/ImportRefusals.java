package org.fairdial.dialing;

import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.ErasedNumbers;
import org.fairdial.privacy.NumberHasher;

/**
 * The numbers a lead import refuses: every number {@code privacy erase} removed, and every number on the internal
 * or the campaign's own do-not-call list, whether listed as the number or (after an erasure of someone who opted
 * out) as its keyed hash. Both are matched by keyed hash, the one form in which an erased number survives, so a
 * lead list still holding an erased number cannot bring it back.
 *
 * <p>Hashes are held as their first 60 bits in a {@link LongHashSet} (8 to 16 bytes an entry instead of a
 * 64-character string): with a million entries, the odds that a row is refused for another number's prefix are
 * about 1 in 10^12.
 */
public final class ImportRefusals {
    /** Refuses nothing: an import with no store behind it (tests, benchmarks of the reader alone). */
    public static final ImportRefusals NONE = new ImportRefusals(null, new LongHashSet(), new LongHashSet());

    /** Reason of a refused row; names no number, as rejected rows are logged. */
    static final String ERASED = "number erased by a privacy request (privacy erase); not imported";
    static final String DO_NOT_CALL = "number on the do-not-call list; not imported";

    private final NumberHasher hasher;
    private final LongHashSet erased;
    private final LongHashSet doNotCall;

    private ImportRefusals(NumberHasher hasher, LongHashSet erased, LongHashSet doNotCall) {
        this.hasher = hasher;
        this.erased = erased;
        this.doNotCall = doNotCall;
    }

    /** Reads the erasure audit and the do-not-call entries that bar {@code campaign}, as they are now. */
    public static ImportRefusals load(String campaign, NumberHasher hasher, ErasedNumbers erasures,
                                      DoNotCallEntries doNotCall) {
        LongHashSet erased = new LongHashSet();
        erasures.forEachErasedHash(h -> erased.add(prefix(h)));
        LongHashSet listed = new LongHashSet();
        doNotCall.forEachBarring(campaign, entry -> listed.add(prefix(entry.startsWith(DoNotCallEntries.HASHED)
                ? entry.substring(DoNotCallEntries.HASHED.length()) : hasher.hash(entry))));
        return new ImportRefusals(hasher, erased, listed);
    }

    /** Why the lead must not be imported, or null when it may. */
    String refusal(Lead lead) {
        if (hasher == null) {
            return null;
        }
        long key = prefix(hasher.hash(lead.e164()));
        if (erased.contains(key)) {
            return ERASED;
        }
        return doNotCall.contains(key) ? DO_NOT_CALL : null;
    }

    /** Entries held (erased numbers, do-not-call entries), for the import's log line. */
    public int size() {
        return erased.size() + doNotCall.size();
    }

    private static long prefix(String hexHash) {
        return Long.parseUnsignedLong(hexHash.substring(0, 15), 16) + 1;
    }
}
