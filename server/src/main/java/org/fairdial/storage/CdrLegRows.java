package org.fairdial.storage;

import static org.fairdial.storage.SqlValues.getEnum;
import static org.fairdial.storage.SqlValues.getInstant;
import static org.fairdial.storage.SqlValues.getInt;
import static org.fairdial.storage.SqlValues.getLong;
import static org.fairdial.storage.SqlValues.setEnum;
import static org.fairdial.storage.SqlValues.setInstant;
import static org.fairdial.storage.SqlValues.setInt;
import static org.fairdial.storage.SqlValues.setLong;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;

/**
 * Maps {@link CdrLeg} to a {@code cdr_leg} row and back. The column list is in record-component order, so binding
 * and the insert statement cannot drift apart; a new component needs a migration and one line in each method.
 */
final class CdrLegRows {

    static final String COLUMNS = "leg_id, call_id, kind, campaign, lead_id, dialed_number, normalized_number, "
            + "from_uri, to_uri, caller_id, trunk, agent, sip_call_id, created_at, ringing_at, answered_at, "
            + "bridged_at, ended_at, post_dial_delay_ms, early_media, ring_ms, talk_ms, disposition, sip_code, "
            + "sip_reason, q850_cause, hangup_side, abandon_treatment, abandon_treatment_ms, rtp_sent, "
            + "rtp_received, rtp_lost";

    /**
     * Conflict target left out on purpose: H2's PostgreSQL mode only parses the target-less form, and leg_id is
     * the only unique key of the table, so both databases skip exactly the legs already stored.
     */
    static final String INSERT = "INSERT INTO cdr_leg (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(COLUMNS.split(",").length - 1) + "?) ON CONFLICT DO NOTHING";

    private CdrLegRows() {
    }

    static void bind(PreparedStatement ps, CdrLeg leg) throws SQLException {
        int i = 0;
        ps.setObject(++i, leg.legId());
        ps.setObject(++i, leg.callId());
        setEnum(ps, ++i, leg.kind());
        ps.setString(++i, leg.campaign());
        ps.setString(++i, leg.leadId());
        ps.setString(++i, leg.dialedNumber());
        ps.setString(++i, leg.normalizedNumber());
        ps.setString(++i, leg.fromUri());
        ps.setString(++i, leg.toUri());
        ps.setString(++i, leg.callerId());
        ps.setString(++i, leg.trunk());
        ps.setString(++i, leg.agent());
        ps.setString(++i, leg.sipCallId());
        setInstant(ps, ++i, leg.createdAt());
        setInstant(ps, ++i, leg.ringingAt());
        setInstant(ps, ++i, leg.answeredAt());
        setInstant(ps, ++i, leg.bridgedAt());
        setInstant(ps, ++i, leg.endedAt());
        setLong(ps, ++i, leg.postDialDelayMs());
        ps.setBoolean(++i, leg.earlyMedia());
        ps.setLong(++i, leg.ringMs());
        ps.setLong(++i, leg.talkMs());
        setEnum(ps, ++i, leg.disposition());
        setInt(ps, ++i, leg.sipCode());
        ps.setString(++i, leg.sipReason());
        setInt(ps, ++i, leg.q850Cause());
        setEnum(ps, ++i, leg.hangupSide());
        ps.setBoolean(++i, leg.abandonTreatment());
        ps.setLong(++i, leg.abandonTreatmentMs());
        ps.setLong(++i, leg.rtpSent());
        ps.setLong(++i, leg.rtpReceived());
        ps.setLong(++i, leg.rtpLost());
    }

    static CdrLeg read(ResultSet rs) throws SQLException {
        return new CdrLeg(
                rs.getObject("leg_id", UUID.class),
                rs.getObject("call_id", UUID.class),
                getEnum(rs, "kind", LegKind.class),
                rs.getString("campaign"),
                rs.getString("lead_id"),
                rs.getString("dialed_number"),
                rs.getString("normalized_number"),
                rs.getString("from_uri"),
                rs.getString("to_uri"),
                rs.getString("caller_id"),
                rs.getString("trunk"),
                rs.getString("agent"),
                rs.getString("sip_call_id"),
                getInstant(rs, "created_at"),
                getInstant(rs, "ringing_at"),
                getInstant(rs, "answered_at"),
                getInstant(rs, "bridged_at"),
                getInstant(rs, "ended_at"),
                getLong(rs, "post_dial_delay_ms"),
                rs.getBoolean("early_media"),
                rs.getLong("ring_ms"),
                rs.getLong("talk_ms"),
                getEnum(rs, "disposition", Disposition.class),
                getInt(rs, "sip_code"),
                rs.getString("sip_reason"),
                getInt(rs, "q850_cause"),
                getEnum(rs, "hangup_side", HangupSide.class),
                rs.getBoolean("abandon_treatment"),
                rs.getLong("abandon_treatment_ms"),
                rs.getLong("rtp_sent"),
                rs.getLong("rtp_received"),
                rs.getLong("rtp_lost"));
    }
}
