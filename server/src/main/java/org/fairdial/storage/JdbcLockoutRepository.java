package org.fairdial.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code number_lockout} table: numbers that must not be dialed before a time, whatever the campaign. Each
 * campaign keeps its own row per number; the lockout in force is the latest {@code locked_until} of all of them.
 */
public final class JdbcLockoutRepository {

    private static final String UPSERT_POSTGRES = "INSERT INTO number_lockout"
            + " (number, campaign, locked_until, reason, created_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (number, campaign) DO UPDATE SET"
            + " locked_until = EXCLUDED.locked_until, reason = EXCLUDED.reason"
            + " WHERE number_lockout.locked_until < EXCLUDED.locked_until";
    /** H2's PostgreSQL mode has no ON CONFLICT DO UPDATE; a standard MERGE with a guarded update does the same. */
    private static final String UPSERT_H2 = "MERGE INTO number_lockout AS t USING (VALUES (CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR), CAST(? AS TIMESTAMP(3) WITH TIME ZONE), CAST(? AS VARCHAR),"
            + " CAST(? AS TIMESTAMP(3) WITH TIME ZONE))) AS s (number, campaign, locked_until, reason, created_at)"
            + " ON t.number = s.number AND t.campaign = s.campaign"
            + " WHEN MATCHED AND t.locked_until < s.locked_until THEN"
            + " UPDATE SET locked_until = s.locked_until, reason = s.reason"
            + " WHEN NOT MATCHED THEN INSERT (number, campaign, locked_until, reason, created_at)"
            + " VALUES (s.number, s.campaign, s.locked_until, s.reason, s.created_at)";

    private final DataSource dataSource;
    private final String upsert;
    private final InstantSource clock;

    /** @param clock stamps {@code created_at} of new rows */
    public JdbcLockoutRepository(DataSource dataSource, boolean postgres, InstantSource clock) {
        this.dataSource = dataSource;
        this.upsert = postgres ? UPSERT_POSTGRES : UPSERT_H2;
        this.clock = clock;
    }

    public JdbcLockoutRepository(Database database) {
        this(database.dataSource(), database.isPostgres(), InstantSource.system());
    }

    /**
     * Locks the number for the campaign until {@code until}. An existing lock of the same campaign that ends later
     * is kept, with its reason: a short lock must never shorten a long one.
     */
    public void lock(String number, String campaign, Instant until, String reason) {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, number);
            ps.setString(2, campaign);
            SqlValues.setInstant(ps, 3, until);
            ps.setString(4, reason);
            SqlValues.setInstant(ps, 5, clock.instant());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot lock " + number + " for campaign " + campaign + ": " + e.getMessage(),
                    e);
        }
    }

    /** The end of the lockout in force for the number, across all campaigns, if it ends after {@code now}. */
    public Optional<Instant> lockedUntil(String number, Instant now) {
        String sql = "SELECT MAX(locked_until) FROM number_lockout WHERE number = ? AND locked_until > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, number);
            SqlValues.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(SqlValues.getInstant(rs, 1));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the lockout of " + number + ": " + e.getMessage(), e);
        }
    }

    /** Deletes lockouts that ended at or before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM number_lockout WHERE locked_until <= ?")) {
            SqlValues.setInstant(ps, 1, now);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot purge expired lockouts: " + e.getMessage(), e);
        }
    }
}
