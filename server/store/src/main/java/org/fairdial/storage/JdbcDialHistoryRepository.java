package org.fairdial.storage;

import org.fairdial.ports.StoreException;
import org.fairdial.ports.DialHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.fairdial.compliance.AbandonHistory;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/**
 * Per-number call history shared by all campaigns: the {@code dial_attempt} rows the frequency cap counts, and the
 * {@code number_abandon} row the redial lockouts read. Upserts are an UPDATE then an INSERT ... WHERE NOT EXISTS,
 * which PostgreSQL and H2 accept alike; a concurrent insert of the same number is retried once.
 */
public final class JdbcDialHistoryRepository implements DialHistory {
    private final DataSource dataSource;
    private final NumberMask mask;
    private final PersonalData personal;

    /** Numbers in error messages masked as by default ({@link NumberMask#DEFAULT}). */
    public JdbcDialHistoryRepository(DataSource dataSource) {
        this(dataSource, NumberMask.DEFAULT);
    }

    /** Numbers in error messages masked by {@code mask}, the server's logging setting. */
    public JdbcDialHistoryRepository(DataSource dataSource, NumberMask mask) {
        this(dataSource, mask, PersonalData.PLAINTEXT);
    }

    /** On {@code database}, numbers kept as it says ({@link Database#personalData()}). */
    public JdbcDialHistoryRepository(Database database, NumberMask mask) {
        this(database.dataSource(), mask, database.personalData());
    }

    /**
     * Numbers kept as {@code personal} says: by their blind index when encryption is on (this history is only
     * looked up by number, never read back as one), the lead id encrypted.
     */
    public JdbcDialHistoryRepository(DataSource dataSource, NumberMask mask, PersonalData personal) {
        this.dataSource = dataSource;
        this.mask = mask;
        this.personal = personal;
    }

    /** Records a call placed to the number, before its INVITE leaves. */
    public void recordAttempt(String number, String campaign, String leadId, boolean agentReserved, Instant at) {
        String sql = "INSERT INTO dial_attempt (attempt_id, number, campaign, lead_id, agent_reserved, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, personal.index(number));
            ps.setString(3, campaign);
            ps.setString(4, personal.seal("dial_attempt.lead_id", leadId));
            ps.setBoolean(5, agentReserved);
            SqlValues.setInstant(ps, 6, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot record a call to " + mask.mask(number), e, mask);
        }
    }

    /** Times of calls to the number after {@code since}, by any campaign, oldest first. */
    public List<Instant> attemptsSince(String number, Instant since) {
        String sql = "SELECT at FROM dial_attempt WHERE number = ? AND at > ? ORDER BY at";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, personal.index(number));
            SqlValues.setInstant(ps, 2, since);
            try (ResultSet rs = ps.executeQuery()) {
                List<Instant> times = new ArrayList<>();
                while (rs.next()) {
                    times.add(SqlValues.getInstant(rs, 1));
                }
                return times;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read calls to " + mask.mask(number), e, mask);
        }
    }

    /** Deletes attempts at or before {@code before} (older than any cap's period); returns how many. */
    public int purgeAttempts(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM dial_attempt WHERE at <= ?")) {
            SqlValues.setInstant(ps, 1, before);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot purge old call attempts", e, mask);
        }
    }

    /** An abandoned call to the number; an earlier time than the one stored is ignored. */
    public void recordAbandon(String number, Instant at) {
        latest(number, "last_abandon_at", at);
    }

    /** A call to the number that an agent took (a live contact). */
    public void recordContact(String number, Instant at) {
        latest(number, "last_contact_at", at);
    }

    public AbandonHistory abandons(String number) {
        String sql = "SELECT last_abandon_at, last_contact_at FROM number_abandon WHERE number = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, personal.index(number));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return AbandonHistory.NONE;
                }
                return new AbandonHistory(SqlValues.getInstant(rs, 1), SqlValues.getInstant(rs, 2));
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the abandon history of " + mask.mask(number), e, mask);
        }
    }

    private void latest(String number, String column, Instant at) {
        String update = "UPDATE number_abandon SET " + column + " = ? WHERE number = ? AND (" + column
                + " IS NULL OR " + column + " < ?)";
        String insert = "INSERT INTO number_abandon (number, " + column + ")"
                + " SELECT CAST(? AS VARCHAR), CAST(? AS TIMESTAMP(3) WITH TIME ZONE)"
                + " WHERE NOT EXISTS (SELECT 1 FROM number_abandon WHERE number = ?)";
        String key = personal.index(number);
        for (int attempt = 0; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    SqlValues.setInstant(ps, 1, at);
                    ps.setString(2, key);
                    SqlValues.setInstant(ps, 3, at);
                    if (ps.executeUpdate() > 0) {
                        return;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    ps.setString(1, key);
                    SqlValues.setInstant(ps, 2, at);
                    ps.setString(3, key);
                    ps.executeUpdate();
                    return;
                }
            } catch (SQLException e) {
                if (attempt == 0 && "23505".equals(e.getSQLState())) {
                    continue; // another writer inserted the row between our update and insert
                }
                throw StoreErrors.of("Cannot record " + column + " of " + mask.mask(number), e, mask);
            }
        }
    }
}
