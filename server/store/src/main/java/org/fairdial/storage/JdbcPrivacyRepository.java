package org.fairdial.storage;

import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.ErasedNumbers;
import org.fairdial.ports.StoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/**
 * Personal data in the store: the number-hash key, the erasure audit ({@code privacy_erasure}), and the statements
 * that blank or delete call-level rows for an erasure or for retention. A "blanked" customer leg keeps its
 * timestamps, outcome and codes (the statistics regulators ask for) and loses the callee's number, lead id, To URI
 * and SIP Call-ID.
 */
public final class JdbcPrivacyRepository implements ErasedNumbers {
    /** Rows changed per statement by retention, so a first run over years of data holds no lock for long. */
    static final int CHUNK = 10_000;
    private static final String BLANK = "lead_id = NULL, dialed_number = NULL, normalized_number = NULL,"
            + " number_index = NULL, to_uri = NULL, sip_call_id = NULL, anonymized_at = ?";
    /** An agent leg holds the callee's number only in its From URI, which presents the callee to the agent. */
    private static final String BLANK_AGENT = "from_uri = NULL, anonymized_at = ?";
    /** What the admin audit says instead of an erased number. */
    static final String ERASED = "[erased]";
    private static final String KEY_NAME = "number-hash-key";

    private final DataSource dataSource;
    private final PersonalData personal;

    public JdbcPrivacyRepository(DataSource dataSource) {
        this(dataSource, PersonalData.PLAINTEXT);
    }

    /** On {@code database}, numbers found as it keeps them ({@link Database#personalData()}). */
    public JdbcPrivacyRepository(Database database) {
        this(database.dataSource(), database.personalData());
    }

    /** Finds a number to erase by its blind index when {@code personal} encrypts (migration V30). */
    public JdbcPrivacyRepository(DataSource dataSource, PersonalData personal) {
        this.dataSource = dataSource;
        this.personal = personal;
    }

    /** How the store keeps personal values (the eraser rewrites the CDR journal the same way). */
    public PersonalData personalData() {
        return personal;
    }

    /** The number-hash key generated for this store, created (32 random bytes) the first time it is asked for. */
    public byte[] storedHashKey(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            String value = readSetting(c, KEY_NAME);
            if (value == null) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO privacy_setting"
                        + " (setting_name, setting_value, created_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, KEY_NAME);
                    ps.setString(2, Base64.getEncoder().encodeToString(key));
                    SqlValues.setInstant(ps, 3, now);
                    ps.executeUpdate();
                } catch (SQLException raced) {
                    // another process created it first; read theirs below
                }
                value = readSetting(c, KEY_NAME);
            }
            return Base64.getDecoder().decode(value);
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the number-hash key", e, NumberMask.HIDDEN);
        }
    }

    private static String readSetting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT setting_value FROM privacy_setting WHERE setting_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Starts an erasure: the audit row, committed before any data is touched (see {@code PrivacyEraser}). */
    public void recordErasure(UUID id, String numberHash, Instant at, boolean optedOut, String requestedBy,
                              String reason) {
        String sql = "INSERT INTO privacy_erasure (erasure_id, number_hash, erased_at, opted_out, requested_by,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?)";
        update("record an erasure", sql, ps -> {
            ps.setObject(1, id);
            ps.setString(2, numberHash);
            SqlValues.setInstant(ps, 3, at);
            ps.setBoolean(4, optedOut);
            ps.setString(5, requestedBy);
            ps.setString(6, reason);
        });
    }

    /** Completes the audit row with what the erasure changed. */
    public void completeErasure(UUID id, Erased erased, String journal, Instant at) {
        String sql = "UPDATE privacy_erasure SET cdr_legs_anonymized = ?, lead_states_deleted = ?,"
                + " history_deleted = ?, do_not_call_hashed = ?, journal = ?, completed_at = ? WHERE erasure_id = ?";
        update("complete an erasure", sql, ps -> {
            ps.setLong(1, erased.cdrLegs());
            ps.setLong(2, erased.leadStates());
            ps.setLong(3, erased.history());
            ps.setLong(4, erased.doNotCallHashed());
            ps.setString(5, journal);
            SqlValues.setInstant(ps, 6, at);
            ps.setObject(7, id);
        });
    }

    /**
     * Counts of what an erasure changed in the tables.
     *
     * @param cdrLegs         legs blanked (the number's own, and the agent legs whose From URI presented it)
     * @param leadStates      lead rows deleted (states and imported leads)
     * @param history         dialing-history rows deleted: attempts, abandons, denials
     * @param doNotCallHashed do-not-call entries of the number replaced by entries of its keyed hash
     * @param auditEntries    admin audit rows whose action or detail named the number, now without it
     */
    public record Erased(long cdrLegs, long leadStates, long history, long doNotCallHashed, long auditEntries) {
    }

    /**
     * Blanks every leg of the number, deletes it from the lead lists and the dialing history (attempts, abandons,
     * denials), takes it out of the admin audit's text, and turns each do-not-call entry of it into an entry of its
     * keyed hash ({@code numberHash}): a request not to be called outlives the erasure. One transaction.
     */
    public Erased eraseNumber(String e164, String numberHash, Instant now) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        String anywhere = "%" + digits + "%";
        String presented = "%:" + e164 + "@%";
        // What the number and lead id columns hold: the number, or its blind index when encryption is on (then
        // the clear comparisons below match nothing, the encrypted columns being envelopes).
        String index = personal.index(e164);
        try {
            return SqlValues.inTransaction(dataSource, c -> {
                // Agent legs first: the call ids of the number's legs are gone once those are blanked.
                long legs = execute(c, "UPDATE cdr_leg SET " + BLANK_AGENT + " WHERE kind <> 'CUSTOMER'"
                        + " AND (from_uri LIKE ? OR call_id IN (SELECT call_id FROM cdr_leg WHERE"
                        + " number_index = ? OR lead_id = ? OR dialed_number = ?))", now, presented, index, e164,
                        e164);
                legs += execute(c, "UPDATE cdr_leg SET " + BLANK + " WHERE number_index = ?"
                        + " OR lead_id = ? OR dialed_number = ?", now, index, e164, e164);
                long leads = execute(c, "DELETE FROM lead_state WHERE number = ? OR lead_id = ?", null, index, index)
                        + execute(c, "DELETE FROM campaign_lead WHERE number = ?", null, index);
                long history = 0;
                for (String table : List.of("dial_attempt", "number_abandon", "dial_denial")) {
                    history += execute(c, "DELETE FROM " + table + " WHERE number = ?", null, index);
                }
                String hashed = DoNotCallEntries.HASHED + numberHash;
                long kept = execute(c, "INSERT INTO do_not_call (number, scope, source, note, added_at)"
                        + " SELECT CAST(? AS VARCHAR), d.scope, d.source, 'number erased', d.added_at"
                        + " FROM do_not_call d WHERE d.number = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM do_not_call h WHERE h.number = ? AND h.scope = d.scope)", null, hashed,
                        index, hashed);
                execute(c, "DELETE FROM do_not_call WHERE number = ?", null, index);
                long audit = execute(c, "UPDATE admin_audit SET action = REPLACE(action, ?, ?),"
                        + " detail = REPLACE(detail, ?, ?) WHERE action LIKE ? OR detail LIKE ?", null, digits, ERASED,
                        digits, ERASED, anywhere, anywhere);
                if (personal.enabled()) {
                    // The audit keeps numbers as their blind index when encryption is on (JdbcAuditRepository).
                    String token = "%" + index + "%";
                    audit += execute(c, "UPDATE admin_audit SET action = REPLACE(action, ?, ?),"
                            + " detail = REPLACE(detail, ?, ?) WHERE action LIKE ? OR detail LIKE ?", null, index,
                            ERASED, index, ERASED, token, token);
                }
                return new Erased(legs, leads, history, kept, audit);
            });
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot erase a number", e, NumberMask.HIDDEN);
        }
    }

    /** The keyed hash of every erased number (lead imports refuse them). */
    @Override
    public void forEachErasedHash(Consumer<String> hashes) {
        try (Connection c = dataSource.getConnection()) {
            Streaming.query(c, "SELECT DISTINCT number_hash FROM privacy_erasure", ps -> { },
                    rs -> hashes.accept(rs.getString(1)));
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the erasure audit", e, NumberMask.HIDDEN);
        }
    }

    /** Hashes of numbers erased after {@code since}. */
    public Set<String> erasedSince(Instant since) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT DISTINCT number_hash FROM privacy_erasure WHERE erased_at > ?")) {
            SqlValues.setInstant(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                Set<String> hashes = new HashSet<>();
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
                return hashes;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read recent erasures", e, NumberMask.HIDDEN);
        }
    }

    /**
     * Blanks the given legs (numbers erased while these legs were on their way to the database): a customer leg
     * loses the number fields, an agent leg its From URI.
     */
    public int blankLegs(Collection<UUID> legIds, Instant now) {
        if (legIds.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            int changed = 0;
            for (UUID id : legIds) {
                changed += (int) execute(c, "UPDATE cdr_leg SET " + BLANK + " WHERE leg_id = ? AND kind = 'CUSTOMER'",
                        now, id);
                changed += (int) execute(c, "UPDATE cdr_leg SET " + BLANK_AGENT + " WHERE leg_id = ?"
                        + " AND kind <> 'CUSTOMER'", now, id);
            }
            return changed;
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot blank erased legs", e, NumberMask.HIDDEN);
        }
    }

    /** Retention, anonymize mode: blanks customer legs created before {@code cutoff}; returns how many. */
    public long blankLegsBefore(Instant cutoff, Instant now) {
        String sql = "UPDATE cdr_leg SET " + BLANK + " WHERE leg_id IN (SELECT leg_id FROM cdr_leg"
                + " WHERE created_at < ? AND kind = 'CUSTOMER' AND anonymized_at IS NULL LIMIT " + CHUNK + ")";
        return inChunks("anonymize old legs", sql, now, cutoff);
    }

    /** Retention, delete mode: deletes legs created before {@code cutoff}; returns how many. */
    public long deleteLegsBefore(Instant cutoff) {
        String sql = "DELETE FROM cdr_leg WHERE leg_id IN (SELECT leg_id FROM cdr_leg WHERE created_at < ?"
                + " LIMIT " + CHUNK + ")";
        return inChunks("delete old legs", sql, null, cutoff);
    }

    /** Retention: deletes lead states last attempted before {@code cutoff}. */
    public long deleteLeadStatesBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection()) {
            return execute(c, "DELETE FROM lead_state WHERE last_attempt_at < ?", null, cutoff);
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot delete old lead states", e, NumberMask.HIDDEN);
        }
    }

    private long inChunks(String what, String sql, Instant now, Instant cutoff) {
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                long n = now == null ? execute(c, sql, null, cutoff) : execute(c, sql, now, cutoff);
                total += n;
                if (n < CHUNK) {
                    return total;
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot " + what, e, NumberMask.HIDDEN);
        }
    }

    /** Runs a statement whose first parameter is {@code now} (if not null), then {@code args}. */
    private static long execute(Connection c, String sql, Instant now, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            if (now != null) {
                SqlValues.setInstant(ps, ++i, now);
            }
            for (Object arg : args) {
                if (arg instanceof Instant t) {
                    SqlValues.setInstant(ps, ++i, t);
                } else {
                    ps.setObject(++i, arg);
                }
            }
            return ps.executeUpdate();
        }
    }

    private void update(String what, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot " + what, e, NumberMask.HIDDEN);
        }
    }

    /** Erasure audit rows, newest first (for operators and tests). */
    public List<String> erasureHashes() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT number_hash FROM privacy_erasure ORDER BY erased_at DESC");
             ResultSet rs = ps.executeQuery()) {
            List<String> hashes = new ArrayList<>();
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
            return hashes;
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the erasure audit", e, NumberMask.HIDDEN);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
