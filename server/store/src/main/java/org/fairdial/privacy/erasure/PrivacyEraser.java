package org.fairdial.privacy.erasure;

import org.fairdial.privacy.OptOutRegistry;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.erasure.ErasureGuard;
import org.fairdial.privacy.erasure.Blanking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import org.fairdial.cdr.journal.CdrJournal;
import org.fairdial.cdr.journal.JournalEraser;
import org.fairdial.config.PrivacyConfig;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.storage.RecordingStore;

/**
 * {@code dialer privacy erase NUMBER}: removes a phone number from everything the dialer keeps: CDRs are blanked
 * ({@link Blanking}), lead lists and dialing history deleted, journal records blanked (or, while a dialer runs,
 * blanked on their way into the database by the {@link ErasureGuard}). What stays is the number's keyed hash in the
 * erasure audit ({@code privacy_erasure}) and, when the person opted out, in the do-not-call list
 * ({@link OptOutRegistry}). The audit row is committed first, so a record inserted concurrently is caught either
 * by this erasure or by the guard.
 */
public final class PrivacyEraser {

    private final JdbcPrivacyRepository repository;
    private final NumberHasher hasher;
    private final OptOutRegistry optOut;
    private final JournalConfig journal;
    private final InstantSource clock;
    private final RecordingStore recordings;

    public PrivacyEraser(JdbcPrivacyRepository repository, NumberHasher hasher, OptOutRegistry optOut,
                         JournalConfig journal, InstantSource clock) {
        this(repository, hasher, optOut, journal, clock, null);
    }

    /** An eraser that also deletes the number's call recordings from {@code recordings} (null: none kept). */
    public PrivacyEraser(JdbcPrivacyRepository repository, NumberHasher hasher, OptOutRegistry optOut,
                         JournalConfig journal, InstantSource clock, RecordingStore recordings) {
        this.recordings = recordings;
        this.repository = repository;
        this.hasher = hasher;
        this.optOut = optOut;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * What one erasure did.
     *
     * @param erasureId      its audit row
     * @param numberHash     the number's keyed hash (all that is kept)
     * @param tables         rows changed in the store
     * @param journal        what happened in the journal, in words
     * @param optOutRecorded a do-not-call list took the hash (false: only the audit holds it)
     * @param recordings     call recordings deleted (file and row)
     */
    public record Result(UUID erasureId, String numberHash, JdbcPrivacyRepository.Erased tables, String journal,
                         boolean optOutRecorded, long recordings) {
    }

    /**
     * Erases an E.164 number; {@code optedOut} puts its hash on the internal do-not-call list. A do-not-call entry
     * the number already had is kept either way, as its hash.
     */
    public Result erase(String e164, boolean optedOut, String requestedBy, String reason) throws IOException {
        UUID id = UUID.randomUUID();
        String hash = hasher.hash(e164);
        Instant now = clock.instant();
        repository.recordErasure(id, hash, now, optedOut, requestedBy, reason);
        // Recordings first: their rows find the number, which the rows below stop holding.
        long deletedRecordings = recordings == null ? 0 : recordings.eraseNumber(e164);
        JdbcPrivacyRepository.Erased erased = repository.eraseNumber(e164, hash, now);
        String journalOutcome = eraseFromJournal(e164);
        boolean listed = optedOut && optOut.recordOptOut(hash, now);
        repository.completeErasure(id, erased, journalOutcome, clock.instant());
        return new Result(id, hash, erased, journalOutcome, listed, deletedRecordings);
    }

    private String eraseFromJournal(String e164) throws IOException {
        if (!journal.enabled()) {
            return "no journal configured";
        }
        if (CdrJournal.inUse(journal.directory())) {
            return "held by a running dialer: its records of the number are blanked as they are stored, and "
                    + "wiped from disk once committed";
        }
        int n = JournalEraser.erase(journal.directory(), journal.segmentSize(), leg -> Blanking.holds(leg, e164),
                Blanking::blank, repository.personalData());
        return n + " record(s) blanked";
    }

    /**
     * The number hasher of a store: keyed by {@code dialer.privacy.hash-key}, or by the random key the store
     * generated for itself when that is empty.
     */
    public static NumberHasher hasher(PrivacyConfig config, JdbcPrivacyRepository repository, Instant now) {
        return config.hashKey().isEmpty() ? new NumberHasher(repository.storedHashKey(now))
                : new NumberHasher(config.hashKey().getBytes(StandardCharsets.UTF_8));
    }
}
