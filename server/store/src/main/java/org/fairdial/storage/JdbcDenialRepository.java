package org.fairdial.storage;

import org.fairdial.ports.Denial;
import org.fairdial.ports.StoreException;
import org.fairdial.ports.DenialLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.fairdial.compliance.Rule;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/** The {@code dial_denial} table: every decision not to dial, for the compliance report. */
public final class JdbcDenialRepository implements DenialLog {
    private static final String COLUMNS = "denial_id, campaign, lead_id, number, rule, reason, retry_at, at,"
            + " number_enc";
    private static final String NUMBER = "dial_denial.number";
    private static final String LEAD_ID = "dial_denial.lead_id";

    private final DataSource dataSource;
    private final PersonalData personal;

    public JdbcDenialRepository(DataSource dataSource) {
        this(dataSource, PersonalData.PLAINTEXT);
    }

    /** On {@code database}, personal values kept as it says ({@link Database#personalData()}). */
    public JdbcDenialRepository(Database database) {
        this(database.dataSource(), database.personalData());
    }

    /** Numbers by their blind index and encrypted beside it, lead ids encrypted, when encryption is on. */
    public JdbcDenialRepository(DataSource dataSource, PersonalData personal) {
        this.dataSource = dataSource;
        this.personal = personal;
    }

    /** Inserts the denials in one batch and transaction. */
    public void recordAll(List<Denial> denials) {
        if (denials.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO dial_denial (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            SqlValues.batchInTransaction(dataSource, sql, denials, (ps, d) -> {
                ps.setObject(1, d.id());
                ps.setString(2, d.campaign());
                ps.setString(3, personal.seal(LEAD_ID, d.leadId()));
                ps.setString(4, personal.index(d.number()));
                SqlValues.setEnum(ps, 5, d.rule());
                ps.setString(6, d.reason());
                SqlValues.setInstant(ps, 7, d.retryAt());
                SqlValues.setInstant(ps, 8, d.at());
                ps.setString(9, SealedColumns.beside(personal, NUMBER, d.number()));
            });
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot record " + denials.size() + " denial(s)", SqlValues.rootCause(e),
                    NumberMask.HIDDEN);
        }
    }

    /** The campaign's denials in [from, to), oldest first, at most {@code limit}. */
    public List<Denial> find(String campaign, Instant from, Instant to, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM dial_denial WHERE campaign = ? AND at >= ? AND at < ?"
                + " ORDER BY at, denial_id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            SqlValues.setInstant(ps, 2, from);
            SqlValues.setInstant(ps, 3, to);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Denial> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Denial(rs.getObject("denial_id", UUID.class), rs.getString("campaign"),
                            personal.open(LEAD_ID, rs.getString("lead_id")),
                            SealedColumns.read(personal, NUMBER, rs.getString("number"), rs.getString("number_enc")),
                            SqlValues.getEnum(rs, "rule", Rule.class), rs.getString("reason"),
                            SqlValues.getInstant(rs, "retry_at"), SqlValues.getInstant(rs, "at")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read denials of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }

    /** How many calls each rule denied the campaign in [from, to): the compliance report's summary. */
    public Map<Rule, Long> countByRule(String campaign, Instant from, Instant to) {
        String sql = "SELECT rule, COUNT(*) FROM dial_denial WHERE campaign = ? AND at >= ? AND at < ? GROUP BY rule";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            SqlValues.setInstant(ps, 2, from);
            SqlValues.setInstant(ps, 3, to);
            try (ResultSet rs = ps.executeQuery()) {
                Map<Rule, Long> counts = new EnumMap<>(Rule.class);
                while (rs.next()) {
                    counts.put(Rule.valueOf(rs.getString(1)), rs.getLong(2));
                }
                return counts;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot count denials of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }
}
