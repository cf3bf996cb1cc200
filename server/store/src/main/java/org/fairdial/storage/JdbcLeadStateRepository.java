package org.fairdial.storage;

import org.fairdial.ports.LeadState;
import org.fairdial.ports.StoreException;
import org.fairdial.ports.LeadStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.fairdial.cdr.Disposition;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/** The {@code lead_state} table: one row per (campaign, lead), replaced as a whole on each save. */
public final class JdbcLeadStateRepository implements LeadStates {

    private static final String COLUMNS =
            "campaign, lead_id, number, attempts, last_disposition, last_attempt_at, next_eligible_at, done,"
            + " agent_disposition, no_consent, number_enc, lead_id_enc";
    private static final String NUMBER = "lead_state.number";
    private static final String LEAD_ID = "lead_state.lead_id";
    private static final String UPSERT_POSTGRES = "INSERT INTO lead_state (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign, lead_id) DO UPDATE SET"
            + " number = EXCLUDED.number, attempts = EXCLUDED.attempts,"
            + " last_disposition = EXCLUDED.last_disposition, last_attempt_at = EXCLUDED.last_attempt_at,"
            + " next_eligible_at = EXCLUDED.next_eligible_at, done = EXCLUDED.done,"
            + " agent_disposition = EXCLUDED.agent_disposition, no_consent = EXCLUDED.no_consent,"
            + " number_enc = EXCLUDED.number_enc, lead_id_enc = EXCLUDED.lead_id_enc";
    /** H2's PostgreSQL mode has no ON CONFLICT DO UPDATE; its MERGE ... KEY is the atomic equivalent. */
    private static final String UPSERT_H2 = "MERGE INTO lead_state (" + COLUMNS + ") KEY (campaign, lead_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String upsert;
    private final PersonalData personal;

    public JdbcLeadStateRepository(DataSource dataSource, boolean postgres) {
        this(dataSource, postgres, PersonalData.PLAINTEXT);
    }

    /** Lead id and number by their blind index, each encrypted beside it, when encryption is on. */
    public JdbcLeadStateRepository(DataSource dataSource, boolean postgres, PersonalData personal) {
        this.dataSource = dataSource;
        this.upsert = postgres ? UPSERT_POSTGRES : UPSERT_H2;
        this.personal = personal;
    }

    public JdbcLeadStateRepository(Database database) {
        this(database.dataSource(), database.isPostgres(), database.personalData());
    }

    /** Every stored lead of the campaign, keyed by lead id. */
    public Map<String, LeadState> load(String campaign) {
        String sql = "SELECT " + COLUMNS + " FROM lead_state WHERE campaign = ? ORDER BY lead_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, LeadState> leads = new LinkedHashMap<>();
                while (rs.next()) {
                    LeadState lead = new LeadState(rs.getString("campaign"),
                            SealedColumns.read(personal, LEAD_ID, rs.getString("lead_id"), rs.getString("lead_id_enc")),
                            SealedColumns.read(personal, NUMBER, rs.getString("number"), rs.getString("number_enc")),
                            rs.getInt("attempts"),
                            SqlValues.getEnum(rs, "last_disposition", Disposition.class),
                            SqlValues.getInstant(rs, "last_attempt_at"),
                            SqlValues.getInstant(rs, "next_eligible_at"), rs.getBoolean("done"),
                            rs.getString("agent_disposition"), rs.getBoolean("no_consent"));
                    leads.put(lead.leadId(), lead);
                }
                return leads;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot load lead state of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }

    /** Inserts the lead's state or replaces the stored one. */
    public void save(LeadState lead) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, lead.campaign());
            ps.setString(2, personal.index(lead.leadId()));
            ps.setString(3, personal.index(lead.number()));
            ps.setInt(4, lead.attempts());
            SqlValues.setEnum(ps, 5, lead.lastDisposition());
            SqlValues.setInstant(ps, 6, lead.lastAttemptAt());
            SqlValues.setInstant(ps, 7, lead.nextEligibleAt());
            ps.setBoolean(8, lead.done());
            ps.setString(9, lead.agentDisposition());
            ps.setBoolean(10, lead.noConsent());
            ps.setString(11, SealedColumns.beside(personal, NUMBER, lead.number()));
            ps.setString(12, SealedColumns.beside(personal, LEAD_ID, lead.leadId()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot save lead " + NumberMask.HIDDEN.mask(lead.leadId()) + " of campaign " + lead.campaign(), e,
                    NumberMask.HIDDEN);
        }
    }
}
