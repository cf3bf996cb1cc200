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
 * @param callerIdName       caller-ID name transmitted (From display name and P-Asserted-Identity), or null
 * @param promptName         the prerecorded message played to the callee (abandon prompt), or null if none was
 * @param consentSource      where the consent the call relied on was given (as the lead list says), or null
 * @param consentAt          when that consent was given, or null
 * @param rtpQuality         jitter, loss and round trip as we measured them and as the peer reported them over
 *                           RTCP; {@link RtpQuality#UNKNOWN} when none is known (never null)
 *
 * <p>The last four, with {@code campaign} (the seller's campaign), {@code callerId} (the calling number
 * transmitted) and {@code disposition}, are the records 16 CFR 310.5(a)(2) as amended in 2024 asks a telemarketer
 * to keep of each call.
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
        long rtpLost,
        String callerIdName,
        String promptName,
        String consentSource,
        Instant consentAt,
        RtpQuality rtpQuality) {

    /** A leg without the TSR records (legs written before they existed, agent legs, tests). */
    public CdrLeg(UUID legId, UUID callId, LegKind kind, String campaign, String leadId, String dialedNumber,
                  String normalizedNumber, String fromUri, String toUri, String callerId, String trunk,
                  String agent, String sipCallId, Instant createdAt, Instant ringingAt, Instant answeredAt,
                  Instant bridgedAt, Instant endedAt, Long postDialDelayMs, boolean earlyMedia, long ringMs,
                  long talkMs, Disposition disposition, Integer sipCode, String sipReason, Integer q850Cause,
                  HangupSide hangupSide, boolean abandonTreatment, long abandonTreatmentMs, long rtpSent,
                  long rtpReceived, long rtpLost) {
        this(legId, callId, kind, campaign, leadId, dialedNumber, normalizedNumber, fromUri, toUri, callerId, trunk,
                agent, sipCallId, createdAt, ringingAt, answeredAt, bridgedAt, endedAt, postDialDelayMs, earlyMedia,
                ringMs, talkMs, disposition, sipCode, sipReason, q850Cause, hangupSide, abandonTreatment,
                abandonTreatmentMs, rtpSent, rtpReceived, rtpLost, null, null, null, null, RtpQuality.UNKNOWN);
    }

    /** A leg with the TSR records and no quality figures. */
    public CdrLeg(UUID legId, UUID callId, LegKind kind, String campaign, String leadId, String dialedNumber,
                  String normalizedNumber, String fromUri, String toUri, String callerId, String trunk,
                  String agent, String sipCallId, Instant createdAt, Instant ringingAt, Instant answeredAt,
                  Instant bridgedAt, Instant endedAt, Long postDialDelayMs, boolean earlyMedia, long ringMs,
                  long talkMs, Disposition disposition, Integer sipCode, String sipReason, Integer q850Cause,
                  HangupSide hangupSide, boolean abandonTreatment, long abandonTreatmentMs, long rtpSent,
                  long rtpReceived, long rtpLost, String callerIdName, String promptName, String consentSource,
                  Instant consentAt) {
        this(legId, callId, kind, campaign, leadId, dialedNumber, normalizedNumber, fromUri, toUri, callerId, trunk,
                agent, sipCallId, createdAt, ringingAt, answeredAt, bridgedAt, endedAt, postDialDelayMs, earlyMedia,
                ringMs, talkMs, disposition, sipCode, sipReason, q850Cause, hangupSide, abandonTreatment,
                abandonTreatmentMs, rtpSent, rtpReceived, rtpLost, callerIdName, promptName, consentSource,
                consentAt, RtpQuality.UNKNOWN);
    }

    public CdrLeg {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(hangupSide, "hangupSide");
        rtpQuality = rtpQuality == null ? RtpQuality.UNKNOWN : rtpQuality;
    }

    /** A prerecorded message was played to the callee on this leg. */
    public boolean promptPlayed() {
        return promptName != null;
    }

    /** This leg with the TSR records of its call. */
    public CdrLeg withTsr(String callerIdName, String promptName, String consentSource, Instant consentAt) {
        return new CdrLeg(legId, callId, kind, campaign, leadId, dialedNumber, normalizedNumber, fromUri, toUri,
                callerId, trunk, agent, sipCallId, createdAt, ringingAt, answeredAt, bridgedAt, endedAt,
                postDialDelayMs, earlyMedia, ringMs, talkMs, disposition, sipCode, sipReason, q850Cause, hangupSide,
                abandonTreatment, abandonTreatmentMs, rtpSent, rtpReceived, rtpLost, callerIdName, promptName,
                consentSource, consentAt, rtpQuality);
    }

    /** This leg with the given quality figures. */
    public CdrLeg withRtpQuality(RtpQuality quality) {
        return new CdrLeg(legId, callId, kind, campaign, leadId, dialedNumber, normalizedNumber, fromUri, toUri,
                callerId, trunk, agent, sipCallId, createdAt, ringingAt, answeredAt, bridgedAt, endedAt,
                postDialDelayMs, earlyMedia, ringMs, talkMs, disposition, sipCode, sipReason, q850Cause, hangupSide,
                abandonTreatment, abandonTreatmentMs, rtpSent, rtpReceived, rtpLost, callerIdName, promptName,
                consentSource, consentAt, quality);
    }

    /**
     * This leg with other values in the columns that identify the callee (lead id, numbers, From and To URIs):
     * the store and the CDR journal put their encrypted forms there (dialer.privacy.encryption).
     */
    public CdrLeg withCallee(String leadId, String dialedNumber, String normalizedNumber, String fromUri,
                             String toUri) {
        return new CdrLeg(legId, callId, kind, campaign, leadId, dialedNumber, normalizedNumber, fromUri, toUri,
                callerId, trunk, agent, sipCallId, createdAt, ringingAt, answeredAt, bridgedAt, endedAt,
                postDialDelayMs, earlyMedia, ringMs, talkMs, disposition, sipCode, sipReason, q850Cause, hangupSide,
                abandonTreatment, abandonTreatmentMs, rtpSent, rtpReceived, rtpLost, callerIdName, promptName,
                consentSource, consentAt, rtpQuality);
    }
}
