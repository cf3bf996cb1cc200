package org.fairdial.cdr;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One call detail record: one leg of one dialer call, written once when the leg has ended. Timestamps are UTC
 * with millisecond precision; durations are milliseconds. Columns are documented in docs/cdr.md.
 *
 * @param legId              unique id of this leg (idempotency key of the store)
 * @param callId             id shared by the customer and agent legs of one call
 * @param kind               customer or agent leg
 * @param campaign           campaign name
 * @param leadId             lead id within the campaign (null for agent legs)
 * @param dialedNumber       number as it was in the lead list (customer leg) or the agent's user (agent leg)
 * @param normalizedNumber   E.164 form of the dialed number (customer leg), else null
 * @param fromUri            From URI we sent
 * @param toUri              Request-URI / To we sent
 * @param callerId           caller id presented (From user / P-Asserted-Identity)
 * @param trunk              trunk name (customer leg), else null
 * @param agent              agent id (agent leg, or the agent a customer leg was bridged to), else null
 * @param sipCallId          SIP Call-ID of this leg
 * @param createdAt          INVITE sent
 * @param ringingAt          first 180/183 received, or null
 * @param answeredAt         2xx received, or null
 * @param bridgedAt          media relayed between the two legs, or null
 * @param endedAt            leg ended (BYE sent or received, final failure, CANCEL completed)
 * @param postDialDelayMs    INVITE to first 18x, or null
 * @param earlyMedia         a 183 with SDP was seen
 * @param ringMs             created (or ringing) to answer or end
 * @param talkMs             answer to end, 0 if never answered
 * @param disposition        outcome
 * @param sipCode            final SIP status of the INVITE (200 for answered), or null if none arrived
 * @param sipReason          reason phrase of that status, or a dialer reason (e.g. "ring timeout")
 * @param q850Cause          Q.850 cause from a Reason header (RFC 3326), or null
 * @param hangupSide         who ended the leg
 * @param abandonTreatment   the abandon treatment (comfort noise + prompt) was played on this leg
 * @param abandonTreatmentMs how long it lasted, answer to BYE (0 if not played)
 * @param rtpSent            RTP packets sent to the peer of this leg
 * @param rtpReceived        RTP packets received from the peer
 * @param rtpLost            RTP packets lost from the peer (sequence gaps)
 */
public record CdrLeg(
        UUID legId,
        UUID callId,
        LegKind kind,
        String campaign,
        String leadId,
        String dialedNumber,
        String normalizedNumber,
        String fromUri,
        String toUri,
        String callerId,
        String trunk,
        String agent,
        String sipCallId,
        Instant createdAt,
        Instant ringingAt,
        Instant answeredAt,
        Instant bridgedAt,
        Instant endedAt,
        Long postDialDelayMs,
        boolean earlyMedia,
        long ringMs,
        long talkMs,
        Disposition disposition,
        Integer sipCode,
        String sipReason,
        Integer q850Cause,
        HangupSide hangupSide,
        boolean abandonTreatment,
        long abandonTreatmentMs,
        long rtpSent,
        long rtpReceived,
        long rtpLost) {

    public CdrLeg {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(hangupSide, "hangupSide");
    }
}
