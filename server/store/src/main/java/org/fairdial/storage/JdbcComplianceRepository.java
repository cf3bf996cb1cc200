package org.fairdial.storage;

import org.fairdial.ports.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.WindowFigures;
import org.fairdial.privacy.NumberMask;

/**
 * The queries behind compliance reports, on {@code cdr_leg}, and the {@code compliance_report} table that keeps
 * their results. Answered legs count in the window holding their answer time ({@code answered_at}, served by the
 * {@code (campaign, answered_at)} index), as the dialer's abandon accountant counts them; redials inside a
 * lockout count by their INVITE time ({@code created_at}).
 */
public final class JdbcComplianceRepository {
    private static final String COLUMNS = "campaign, formula, window_start, window_end, time_zone, answered_live,"
            + " abandoned, abandon_rate, rate_cap, worst_abandon_ms, abandon_cap_ms, redials_in_lockout, compliant,"
            + " closed, computed_at, machines";
    private static final String UPSERT_POSTGRES = "INSERT INTO compliance_report (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(15) + "?) ON CONFLICT (campaign, formula, window_start, window_end) DO UPDATE SET"
            + " time_zone = EXCLUDED.time_zone, answered_live = EXCLUDED.answered_live,"
            + " abandoned = EXCLUDED.abandoned, abandon_rate = EXCLUDED.abandon_rate, rate_cap = EXCLUDED.rate_cap,"
            + " worst_abandon_ms = EXCLUDED.worst_abandon_ms, abandon_cap_ms = EXCLUDED.abandon_cap_ms,"
            + " redials_in_lockout = EXCLUDED.redials_in_lockout, compliant = EXCLUDED.compliant,"
            + " closed = EXCLUDED.closed, computed_at = EXCLUDED.computed_at, machines = EXCLUDED.machines"
            + " WHERE NOT compliance_report.closed";
    /** H2's PostgreSQL mode has no ON CONFLICT DO UPDATE; MERGE ... KEY replaces the row (callers skip closed). */
    private static final String UPSERT_H2 = "MERGE INTO compliance_report (" + COLUMNS + ")"
            + " KEY (campaign, formula, window_start, window_end) VALUES (" + "?, ".repeat(15) + "?)";

    private final DataSource dataSource;
    private final String upsert;

    public JdbcComplianceRepository(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.upsert = postgres ? UPSERT_POSTGRES : UPSERT_H2;
    }

    public JdbcComplianceRepository(Database database) {
        this(database.dataSource(), database.isPostgres());
    }

    /**
     * Customer-leg figures of a campaign over {@code [from, to)}; {@code machines}: answered legs an agent disposed
     * of as ANSWERING_MACHINE (counted in {@code answeredLive} too, as the pacer counts them).
     */
    public record Counts(long answeredLive, long abandoned, long machines, Long worstAbandonMs) {
    }

    /** INVITE time of the campaign's first customer leg still stored, or null. */
    public Instant firstCustomerLeg(String campaign) {
        return CampaignEpochs.firstCustomerLeg(dataSource, campaign);
    }

    /**
     * The instant the campaign's windows count from: the stored epoch, else the one of {@code first} (stored
     * from now on); null when none is stored and {@code first} is null.
     */
    public Instant epoch(String campaign, Instant first, Instant now) {
        Instant stored = CampaignEpochs.find(dataSource, campaign);
        if (stored != null || first == null) {
            return stored;
        }
        return CampaignEpochs.take(dataSource, campaign, first, now);
    }

    /**
     * Answered live, abandoned and the longest abandoned call (answer to hang-up: its talk_ms) of the legs
     * answered in {@code [from, to)}.
     */
    public Counts counts(String campaign, Instant from, Instant to) {
        String sql = "SELECT"
                + " COALESCE(SUM(CASE WHEN disposition IN ('ANSWERED', 'ABANDONED') THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN disposition = 'ABANDONED' THEN 1 ELSE 0 END), 0),"
                + " MAX(CASE WHEN disposition = 'ABANDONED' THEN talk_ms END),"
                + " COALESCE(SUM(CASE WHEN disposition = 'ANSWERED' AND agent_disposition = 'ANSWERING_MACHINE'"
                + " THEN 1 ELSE 0 END), 0)"
                + " FROM cdr_leg WHERE campaign = ? AND kind = 'CUSTOMER' AND answered_at >= ? AND answered_at < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            SqlValues.setInstant(ps, 2, from);
            SqlValues.setInstant(ps, 3, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long worst = rs.getLong(3);
                Long worstMs = rs.wasNull() ? null : worst;
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(4), worstMs);
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot count legs of " + campaign, e, NumberMask.HIDDEN);
        }
    }

    /**
     * INVITE times of the campaign's customer legs placed to a number within {@code lockout} after an abandoned
     * call to it ended (the abandoned call of any campaign, as the dialer's lockout is per number). Streams the
     * legs of numbers that were ever abandoned, ordered by number and time, keeping one timestamp per number.
     */
    public List<Instant> redialsInLockout(String campaign, Duration lockout) {
        List<Instant> redials = new ArrayList<>();
        if (lockout.isZero()) {
            return redials;
        }
        // number_index: the number, or its blind index when encryption is on (migration V30); either groups alike.
        String sql = "SELECT number_index, campaign, disposition, created_at, ended_at FROM cdr_leg"
                + " WHERE kind = 'CUSTOMER' AND number_index IN (SELECT number_index FROM cdr_leg"
                + " WHERE kind = 'CUSTOMER' AND disposition = 'ABANDONED')"
                + " ORDER BY number_index, created_at";
        String[] number = {null};
        Instant[] lastAbandonEnd = {null};
        try (Connection c = dataSource.getConnection()) {
            Streaming.query(c, sql, ps -> { }, rs -> {
                String n = rs.getString(1);
                if (!n.equals(number[0])) {
                    number[0] = n;
                    lastAbandonEnd[0] = null;
                }
                Instant created = SqlValues.getInstant(rs, 4);
                Instant end = lastAbandonEnd[0];
                if (campaign.equals(rs.getString(2)) && end != null && created.isAfter(end)
                        && created.isBefore(end.plus(lockout))) {
                    redials.add(created);
                }
                if ("ABANDONED".equals(rs.getString(3))) {
                    Instant ended = SqlValues.getInstant(rs, 5);
                    if (end == null || ended.isAfter(end)) {
                        lastAbandonEnd[0] = ended;
                    }
                }
            });
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot look for redials of " + campaign, e, NumberMask.HIDDEN);
        }
        redials.sort(null);
        return redials;
    }

    /** Campaigns with legs or stored reports. */
    public List<String> campaigns() {
        String sql = "SELECT DISTINCT campaign FROM cdr_leg UNION SELECT DISTINCT campaign FROM compliance_report";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            TreeSet<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return List.copyOf(names);
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot list campaigns", e, NumberMask.HIDDEN);
        }
    }

    /** Stored windows of a campaign under a formula, oldest first. */
    public List<WindowFigures> stored(String campaign, Formula formula) {
        String sql = "SELECT " + COLUMNS + " FROM compliance_report WHERE campaign = ? AND formula = ?"
                + " ORDER BY window_end";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            ps.setString(2, formula.name());
            try (ResultSet rs = ps.executeQuery()) {
                List<WindowFigures> rows = new ArrayList<>();
                while (rs.next()) {
                    long worst = rs.getLong("worst_abandon_ms");
                    Long worstMs = rs.wasNull() ? null : worst;
                    rows.add(new WindowFigures(formula, SqlValues.getInstant(rs, "window_start"),
                            SqlValues.getInstant(rs, "window_end"), rs.getString("time_zone"),
                            rs.getLong("answered_live"), rs.getLong("abandoned"), rs.getLong("machines"),
                            rs.getDouble("abandon_rate"),
                            rs.getDouble("rate_cap"), worstMs, rs.getLong("abandon_cap_ms"),
                            rs.getLong("redials_in_lockout"), rs.getBoolean("closed"),
                            SqlValues.getInstant(rs, "computed_at")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read stored reports of " + campaign, e, NumberMask.HIDDEN);
        }
    }

    /** Stores windows; a window already stored as closed is never overwritten. */
    public void save(String campaign, List<WindowFigures> windows) {
        if (windows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
            for (WindowFigures w : windows) {
                int i = 0;
                ps.setString(++i, campaign);
                ps.setString(++i, w.formula().name());
                SqlValues.setInstant(ps, ++i, w.start());
                SqlValues.setInstant(ps, ++i, w.end());
                ps.setString(++i, w.zone());
                ps.setLong(++i, w.answeredLive());
                ps.setLong(++i, w.abandoned());
                ps.setDouble(++i, w.abandonRate());
                ps.setDouble(++i, w.rateCap());
                SqlValues.setLong(ps, ++i, w.worstAbandonMs());
                ps.setLong(++i, w.abandonCapMs());
                ps.setLong(++i, w.redialsInLockout());
                ps.setBoolean(++i, w.compliant());
                ps.setBoolean(++i, w.closed());
                SqlValues.setInstant(ps, ++i, w.computedAt());
                ps.setLong(++i, w.machines());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException cause = SqlValues.rootCause(e);
            throw StoreErrors.of("Cannot store reports of " + campaign, cause, NumberMask.HIDDEN);
        }
    }
}
