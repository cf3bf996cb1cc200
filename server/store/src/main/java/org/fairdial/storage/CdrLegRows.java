package org.fairdial.storage;

import static org.fairdial.storage.SqlValues.getDouble;
import static org.fairdial.storage.SqlValues.getEnum;
import static org.fairdial.storage.SqlValues.getInstant;
import static org.fairdial.storage.SqlValues.getInt;
import static org.fairdial.storage.SqlValues.getLong;
import static org.fairdial.storage.SqlValues.setDouble;
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
import org.fairdial.cdr.RtpQuality;

/**
 * Maps {@link CdrLeg} to a {@code cdr_leg} row and back. The column list is in record-component order, so binding
 * and the insert statement cannot drift apart; a new component needs a migration and one line in each method.
 */
final class CdrLegRows {

    static final String COLUMNS = "leg_id, call_id, kind, campaign, lead_id, dialed_number, normalized_number, "
            + "from_uri, to_uri, caller_id, trunk, agent, sip_call_id, created_at, ringing_at, answered_at, "
            + "bridged_at, ended_at, post_dial_delay_ms, early_media, ring_ms, talk_ms, disposition, sip_code, "
            + "sip_reason, q850_cause, hangup_side, abandon_treatment, abandon_treatment_ms, rtp_sent, "
            + "rtp_received, rtp_lost, caller_id_name, prompt_name, consent_source, consent_at, rtp_jitter_ms, "
            + "rtcp_peer_loss_pct, rtcp_peer_lost, rtcp_peer_jitter_ms, rtcp_rtt_ms";

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
        ps.setString(++i, leg.callerIdName());
        ps.setString(++i, leg.promptName());
        ps.setString(++i, leg.consentSource());
        setInstant(ps, ++i, leg.consentAt());
        RtpQuality q = leg.rtpQuality();
        setDouble(ps, ++i, q.jitterMs());
        setDouble(ps, ++i, q.peerLossPercent());
        setLong(ps, ++i, q.peerLost());
        setDouble(ps, ++i, q.peerJitterMs());
        setDouble(ps, ++i, q.rttMs());
    }

    /** Reads a row selected with {@link #COLUMNS} in that order (by index: no name lookups per row). */
    static CdrLeg read(ResultSet rs) throws SQLException {
        int i = 0;
        return new CdrLeg(
                rs.getObject(++i, UUID.class),
                rs.getObject(++i, UUID.class),
                getEnum(rs, ++i, LegKind.class),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                getInstant(rs, ++i),
                getInstant(rs, ++i),
                getInstant(rs, ++i),
                getInstant(rs, ++i),
                getInstant(rs, ++i),
                getLong(rs, ++i),
                rs.getBoolean(++i),
                rs.getLong(++i),
                rs.getLong(++i),
                getEnum(rs, ++i, Disposition.class),
                getInt(rs, ++i),
                rs.getString(++i),
                getInt(rs, ++i),
                getEnum(rs, ++i, HangupSide.class),
                rs.getBoolean(++i),
                rs.getLong(++i),
                rs.getLong(++i),
                rs.getLong(++i),
                rs.getLong(++i),
                rs.getString(++i),
                rs.getString(++i),
                rs.getString(++i),
                getInstant(rs, ++i),
                new RtpQuality(getDouble(rs, ++i), getDouble(rs, ++i), getLong(rs, ++i), getDouble(rs, ++i),
                        getDouble(rs, ++i)));
    }
}
