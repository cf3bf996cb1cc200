package org.fairdial.storage;

import org.fairdial.ports.LeadRow;
import org.fairdial.ports.StoreException;
import org.fairdial.ports.LeadRows;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/**
 * The {@code campaign_lead} table: imported leads, written in batches as an import streams and read back in pages
 * by lead id. A row for a lead already stored only fills the columns the stored row left empty, so a re-import or a
 * duplicate later in the list never overwrites the first row's values.
 */
public final class JdbcLeadRepository implements LeadRows {
    private static final String COLUMNS = "campaign, lead_id, number, raw_number, line, name, time_zone,"
            + " consent_source, consent_at, fields, number_enc, lead_id_enc";
    private static final String NUMBER = "campaign_lead.number";
    private static final String LEAD_ID = "campaign_lead.lead_id";
    private static final String RAW_NUMBER = "campaign_lead.raw_number";
    private static final String NAME = "campaign_lead.name";
    private static final String FIELDS = "campaign_lead.fields";
    private static final String UPSERT_POSTGRES = "INSERT INTO campaign_lead (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign, lead_id) DO UPDATE SET"
            + " name = COALESCE(campaign_lead.name, EXCLUDED.name),"
            + " time_zone = COALESCE(campaign_lead.time_zone, EXCLUDED.time_zone),"
            + " consent_at = CASE WHEN campaign_lead.consent_source IS NULL THEN EXCLUDED.consent_at"
            + " ELSE campaign_lead.consent_at END,"
            + " consent_source = COALESCE(campaign_lead.consent_source, EXCLUDED.consent_source),"
            + " fields = COALESCE(campaign_lead.fields, EXCLUDED.fields)";
    /** H2's PostgreSQL mode has no ON CONFLICT DO UPDATE; a standard MERGE does the same. */
    private static final String UPSERT_H2 = "MERGE INTO campaign_lead AS t USING (VALUES (CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP(3) WITH TIME ZONE), CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR)))"
            + " AS s (" + COLUMNS + ") ON t.campaign = s.campaign AND t.lead_id = s.lead_id"
            + " WHEN MATCHED THEN UPDATE SET name = COALESCE(t.name, s.name),"
            + " time_zone = COALESCE(t.time_zone, s.time_zone),"
            + " consent_at = CASE WHEN t.consent_source IS NULL THEN s.consent_at ELSE t.consent_at END,"
            + " consent_source = COALESCE(t.consent_source, s.consent_source),"
            + " fields = COALESCE(t.fields, s.fields)"
            + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s.campaign, s.lead_id, s.number,"
            + " s.raw_number, s.line, s.name, s.time_zone, s.consent_source, s.consent_at, s.fields, s.number_enc,"
            + " s.lead_id_enc)";

    private final DataSource dataSource;
    private final String upsert;
    private final PersonalData personal;

    public JdbcLeadRepository(DataSource dataSource, boolean postgres) {
        this(dataSource, postgres, PersonalData.PLAINTEXT);
    }

    /**
     * When encryption is on: lead id and number by their blind index (keys, paging, erasure) and encrypted beside
     * it; the number as written, the name and the other fields encrypted in place.
     */
    public JdbcLeadRepository(DataSource dataSource, boolean postgres, PersonalData personal) {
        this.dataSource = dataSource;
        this.upsert = postgres ? UPSERT_POSTGRES : UPSERT_H2;
        this.personal = personal;
    }

    public JdbcLeadRepository(Database database) {
        this(database.dataSource(), database.isPostgres(), database.personalData());
    }

    /** Inserts or completes the rows in one batch and transaction. */
    public void upsert(List<LeadRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            SqlValues.batchInTransaction(dataSource, upsert, rows, (ps, r) -> {
                ps.setString(1, r.campaign());
                ps.setString(2, personal.index(r.leadId()));
                ps.setString(3, personal.index(r.number()));
                ps.setString(4, personal.seal(RAW_NUMBER, r.rawNumber()));
                ps.setInt(5, r.line());
                ps.setString(6, personal.seal(NAME, r.name()));
                ps.setString(7, r.timeZone());
                ps.setString(8, r.consentSource());
                SqlValues.setInstant(ps, 9, r.consentAt());
                ps.setString(10, personal.seal(FIELDS, encode(r.fields())));
                ps.setString(11, SealedColumns.beside(personal, NUMBER, r.number()));
                ps.setString(12, SealedColumns.beside(personal, LEAD_ID, r.leadId()));
            });
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot store " + rows.size() + " lead(s) of campaign " + rows.get(0).campaign(),
                    SqlValues.rootCause(e), NumberMask.HIDDEN);
        }
    }

    /** Up to {@code limit} leads of the campaign with an id after {@code afterLeadId} (null: from the start). */
    public List<LeadRow> page(String campaign, String afterLeadId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM campaign_lead WHERE campaign = ? AND lead_id > ?"
                + " ORDER BY lead_id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            // Pages follow the stored key: the blind index when encryption is on, so the order is the index's.
            ps.setString(2, afterLeadId == null ? "" : personal.index(afterLeadId));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<LeadRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new LeadRow(rs.getString("campaign"),
                            SealedColumns.read(personal, LEAD_ID, rs.getString("lead_id"), rs.getString("lead_id_enc")),
                            SealedColumns.read(personal, NUMBER, rs.getString("number"), rs.getString("number_enc")),
                            personal.open(RAW_NUMBER, rs.getString("raw_number")), rs.getInt("line"),
                            personal.open(NAME, rs.getString("name")), rs.getString("time_zone"),
                            rs.getString("consent_source"), SqlValues.getInstant(rs, "consent_at"),
                            decode(personal.open(FIELDS, rs.getString("fields")))));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read leads of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }

    public long count(String campaign) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM campaign_lead WHERE campaign = ?")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot count leads of campaign " + campaign, e, NumberMask.HIDDEN);
        }
    }

    static String encode(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return s.toString();
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
