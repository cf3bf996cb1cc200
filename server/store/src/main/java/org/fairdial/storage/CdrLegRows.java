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
import org.fairdial.privacy.PersonalData;

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
    /** What an insert writes: {@link #COLUMNS} and the callee number's blind index (migration V30). */
    static final String INSERT_COLUMNS = COLUMNS + ", number_index";

    /**
     * Conflict target left out on purpose: H2's PostgreSQL mode only parses the target-less form, and leg_id is
     * the only unique key of the table, so both databases skip exactly the legs already stored.
     */
    static final String INSERT = "INSERT INTO cdr_leg (" + INSERT_COLUMNS + ") VALUES ("
            + "?, ".repeat(INSERT_COLUMNS.split(",").length - 1) + "?) ON CONFLICT DO NOTHING";
    /** The columns that hold the callee (or, on an agent leg, present the callee): encrypted at rest. */
    static final String LEAD_ID = "cdr_leg.lead_id";
    static final String DIALED = "cdr_leg.dialed_number";
    static final String NORMALIZED = "cdr_leg.normalized_number";
    static final String FROM_URI = "cdr_leg.from_uri";
    static final String TO_URI = "cdr_leg.to_uri";

    private CdrLegRows() {
    }

    /** The leg as its row holds it: the personal columns sealed (as they are when encryption is off). */
    static CdrLeg sealed(PersonalData p, CdrLeg l) {
        return p.enabled() ? l.withCallee(p.seal(LEAD_ID, l.leadId()), p.seal(DIALED, l.dialedNumber()),
                p.seal(NORMALIZED, l.normalizedNumber()), p.seal(FROM_URI, l.fromUri()), p.seal(TO_URI, l.toUri())) : l;
    }

    /** The leg a row holds, its personal columns opened. */
    static CdrLeg opened(PersonalData p, CdrLeg l) {
        return l.withCallee(p.open(LEAD_ID, l.leadId()), p.open(DIALED, l.dialedNumber()),
                p.open(NORMALIZED, l.normalizedNumber()), p.open(FROM_URI, l.fromUri()), p.open(TO_URI, l.toUri()));
    }

    /** What {@code number_index} holds for the leg: what CDR queries by number, reports and erasures look up. */
    static String numberIndex(PersonalData p, CdrLeg leg) {
        return p.index(leg.normalizedNumber());
    }

    /** Binds {@link #INSERT}: the leg's columns sealed as {@code p} says, then its number index. */
    static void bind(PreparedStatement ps, PersonalData p, CdrLeg plain) throws SQLException {
        bind(ps, sealed(p, plain));
        ps.setString(INSERT_COLUMNS.split(",").length, numberIndex(p, plain));
    }

    private static void bind(PreparedStatement ps, CdrLeg leg) throws SQLException {
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

    /** Reads a row selected with {@link #COLUMNS}, its personal columns opened as {@code p} says. */
    static CdrLeg read(ResultSet rs, PersonalData p) throws SQLException {
        return opened(p, read(rs));
    }

    /** Reads a row selected with {@link #COLUMNS} in that order (by index: no name lookups per row). */
    private static CdrLeg read(ResultSet rs) throws SQLException {
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
