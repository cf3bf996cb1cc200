package org.fairdial.storage;

import org.fairdial.ports.CampaignCounts;
import org.fairdial.ports.StoreException;
import org.fairdial.ports.CdrHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.fairdial.cdr.store.CdrBatchStore;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/**
 * The {@code cdr_leg} table. Inserts are idempotent on the leg id, so a batch whose commit outcome was unknown
 * (connection lost after COMMIT was sent) can simply be written again. Failures surface as {@link StoreException}.
 * On PostgreSQL a batch is one multi-row statement ({@link PostgresCdrInsert}); on H2 a JDBC batch, which costs no
 * round trips in an embedded database.
 */
public final class JdbcCdrRepository implements CdrBatchStore , CdrHistory {

    private static final String SELECT = "SELECT " + CdrLegRows.COLUMNS + " FROM cdr_leg";

    private final DataSource dataSource;
    private final boolean postgres;
    private final PersonalData personal;

    /** A repository using portable JDBC batches (either database). */
    public JdbcCdrRepository(DataSource dataSource) {
        this(dataSource, false);
    }

    /** @param postgres use the PostgreSQL multi-row insert */
    public JdbcCdrRepository(DataSource dataSource, boolean postgres) {
        this(dataSource, postgres, PersonalData.PLAINTEXT);
    }

    /**
     * @param postgres use the PostgreSQL multi-row insert
     * @param personal how the callee's columns are kept: encrypted, looked up by {@code number_index}, when on
     */
    public JdbcCdrRepository(DataSource dataSource, boolean postgres, PersonalData personal) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.personal = personal;
    }

    public JdbcCdrRepository(Database database) {
        this(database.dataSource(), database.isPostgres(), database.personalData());
    }

    /** How this repository keeps the callee's columns (the export asks whether they are encrypted). */
    public PersonalData personalData() {
        return personal;
    }

    /**
     * Inserts the legs in one transaction: all are stored or none.
     *
     * @return how many legs were new; legs already stored are skipped and not counted
     */
    @Override
    public int insertBatch(List<CdrLeg> legs) {
        if (legs.isEmpty()) {
            return 0;
        }
        try {
            return SqlValues.inTransaction(dataSource,
                    c -> postgres ? PostgresCdrInsert.insert(c, legs, personal) : batchInsert(c, legs));
        } catch (SQLException e) {
            SQLException cause = SqlValues.rootCause(e);
            throw StoreErrors.of("Cannot insert " + legs.size() + " CDR legs", cause, NumberMask.HIDDEN);
        }
    }

    private int batchInsert(Connection c, List<CdrLeg> legs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CdrLegRows.INSERT)) {
            for (CdrLeg leg : legs) {
                CdrLegRows.bind(ps, personal, leg);
                ps.addBatch();
            }
            int inserted = 0;
            for (int count : ps.executeBatch()) {
                inserted += Math.max(count, 0);
            }
            return inserted;
        }
    }

    /** Both legs (or the one) of a dialer call, oldest first. */
    public List<CdrLeg> findByCall(UUID callId) {
        return query(SELECT + " WHERE call_id = ? ORDER BY created_at, leg_id", "find legs of call " + callId,
                ps -> ps.setObject(1, callId));
    }

    /** The {@code limit} most recently created legs, newest first. */
    public List<CdrLeg> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return query(SELECT + " ORDER BY created_at DESC, leg_id DESC LIMIT ?", "read recent legs",
                ps -> ps.setInt(1, limit));
    }

    /**
     * Legs created in {@code [from, to)}, of one campaign and to one number (as dialed or normalized) when those
     * are given (null: any), newest first, at most {@code limit}. The time range keeps the scan on the
     * {@code created_at} indexes.
     */
    public List<CdrLeg> find(Instant from, Instant to, String campaign, String number, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE created_at >= ? AND created_at < ?");
        if (campaign != null) {
            sql.append(" AND campaign = ?");
        }
        if (number != null) {
            // number_index is normalized_number (its blind index when encryption is on, migration V30); the
            // number as dialed is found in clear only, as an encrypted column cannot be compared.
            sql.append(" AND (number_index = ? OR dialed_number = ?)");
        }
        sql.append(" ORDER BY created_at DESC, leg_id DESC LIMIT ?");
        return query(sql.toString(), "query CDR legs", ps -> {
            int i = 0;
            SqlValues.setInstant(ps, ++i, from);
            SqlValues.setInstant(ps, ++i, to);
            if (campaign != null) {
                ps.setString(++i, campaign);
            }
            if (number != null) {
                ps.setString(++i, personal.index(number));
                ps.setString(++i, number);
            }
            ps.setInt(++i, limit);
        });
    }

    /**
     * Customer legs answered since {@code since} (all campaigns), counted per minute of their answer: the
     * wallboard's answered/abandoned chart. Keys are the minutes' starts.
     */
    public SortedMap<Instant, CampaignCounts> answeredByMinute(Instant since) {
        String sql = "SELECT answered_at, disposition FROM cdr_leg WHERE created_at >= ? AND kind = 'CUSTOMER'"
                + " AND disposition IN ('ANSWERED', 'ABANDONED') AND answered_at >= ?";
        Map<Instant, long[]> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            // A leg is created (INVITE) at most a ring timeout before its answer: a day covers any ring time.
            SqlValues.setInstant(ps, 1, since.minus(Duration.ofDays(1)));
            SqlValues.setInstant(ps, 2, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant minute = SqlValues.getInstant(rs, 1).truncatedTo(ChronoUnit.MINUTES);
                    long[] n = counts.computeIfAbsent(minute, m -> new long[2]);
                    n[0]++;
                    if ("ABANDONED".equals(rs.getString(2))) {
                        n[1]++;
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot count answered legs", e, NumberMask.HIDDEN);
        }
        SortedMap<Instant, CampaignCounts> result = new TreeMap<>();
        counts.forEach((minute, n) -> result.put(minute, new CampaignCounts(n[0], n[1])));
        return result;
    }

    /**
     * Every customer leg of {@code campaign} a person answered (ANSWERED or ABANDONED), oldest answer first: what
     * the abandon accountant replays at start-up so a restart keeps its regulatory windows. Streams, so a long
     * campaign does not need memory for its history.
     */
    @Override
    public void forEachAnswer(String campaign, BiConsumer<Instant, Boolean> answeredAbandoned) {
        String sql = "SELECT answered_at, disposition FROM cdr_leg WHERE campaign = ? AND kind = 'CUSTOMER'"
                + " AND disposition IN ('ANSWERED', 'ABANDONED') AND answered_at IS NOT NULL ORDER BY answered_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answeredAbandoned.accept(SqlValues.getInstant(rs, 1), "ABANDONED".equals(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the answers of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }

    @Override
    public void forEachMachine(String campaign, Consumer<Instant> answeredAt) {
        String sql = "SELECT answered_at FROM cdr_leg WHERE campaign = ? AND kind = 'CUSTOMER'"
                + " AND disposition = 'ANSWERED' AND agent_disposition = 'ANSWERING_MACHINE'"
                + " AND answered_at IS NOT NULL ORDER BY answered_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answeredAt.accept(SqlValues.getInstant(rs, 1));
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the answering machines of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }

    @Override
    public Instant campaignEpoch(String campaign, Instant now) {
        Instant stored = CampaignEpochs.find(dataSource, campaign);
        if (stored != null) {
            return stored;
        }
        Instant first = CampaignEpochs.firstCustomerLeg(dataSource, campaign);
        return CampaignEpochs.take(dataSource, campaign, first == null ? now : first, now);
    }

    /**
     * Sets the agent's disposition on every stored leg of the call; returns how many legs it changed (0 when the
     * legs are not stored yet: flush the CDR writer first).
     */
    public int recordDisposition(UUID callId, String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE cdr_leg SET agent_disposition = ? WHERE call_id = ?")) {
            ps.setString(1, code);
            ps.setObject(2, callId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot record the disposition of call " + callId, e, NumberMask.HIDDEN);
        }
    }

    /** The agent's disposition stored on the call's legs, or null. */
    public String dispositionOf(UUID callId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(agent_disposition) FROM cdr_leg WHERE call_id = ?")) {
            ps.setObject(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the disposition of call " + callId, e, NumberMask.HIDDEN);
        }
    }

    /** Number of stored legs. */
    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cdr_leg");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot count CDR legs", e, NumberMask.HIDDEN);
        }
    }

    /**
     * Customer-leg outcomes of a campaign for legs created at or after {@code since} (the INVITE time, which is
     * what the {@code (campaign, created_at)} index serves).
     */
    public CampaignCounts countCustomerLegs(String campaign, Instant since) {
        String sql = "SELECT"
                + " COALESCE(SUM(CASE WHEN disposition IN ('ANSWERED', 'ABANDONED') THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN disposition = 'ABANDONED' THEN 1 ELSE 0 END), 0)"
                + " FROM cdr_leg WHERE campaign = ? AND created_at >= ? AND kind = 'CUSTOMER'";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            SqlValues.setInstant(ps, 2, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CampaignCounts(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot count legs of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }

    /**
     * Hands every leg created in {@code [from, to)} (of one campaign, or all when {@code campaign} is null) to
     * {@code sink}, oldest first, one row at a time: memory stays constant for any number of rows. PostgreSQL
     * streams through a server-side cursor (fetch size, no auto-commit); H2 runs the query lazily, reading rows
     * from the {@code created_at} index as they are consumed instead of materializing the result.
     *
     * @return how many legs were handed over
     */
    public long stream(Instant from, Instant to, String campaign, Consumer<CdrLeg> sink) {
        String sql = SELECT + " WHERE created_at >= ? AND created_at < ?"
                + (campaign == null ? "" : " AND campaign = ?") + " ORDER BY created_at, leg_id";
        try (Connection c = dataSource.getConnection()) {
            return Streaming.query(c, sql, ps -> {
                SqlValues.setInstant(ps, 1, from);
                SqlValues.setInstant(ps, 2, to);
                if (campaign != null) {
                    ps.setString(3, campaign);
                }
            }, rs -> sink.accept(CdrLegRows.read(rs, personal)));
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read CDR legs", e, NumberMask.HIDDEN);
        }
    }

    private List<CdrLeg> query(String sql, String what, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<CdrLeg> legs = new ArrayList<>();
                while (rs.next()) {
                    legs.add(CdrLegRows.read(rs, personal));
                }
                return legs;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot " + what, e, NumberMask.HIDDEN);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
