package org.fairdial.cdr.export;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.fairdial.cdr.CdrLeg;

/**
 * The columns of {@link ExportFormat#CSV} and {@link ExportFormat#JSONL}: every {@code cdr_leg} column of
 * docs/cdr.md, then {@code prompt_played} (derived from {@code prompt_name}) among the TSR records, then the
 * call-quality figures.
 */
final class LegColumns {
    /** Column names, in order. */
    static final String[] NAMES = {"leg_id", "call_id", "kind", "campaign", "lead_id", "dialed_number",
        "normalized_number", "from_uri", "to_uri", "caller_id", "trunk", "agent", "sip_call_id", "created_at",
        "ringing_at", "answered_at", "bridged_at", "ended_at", "post_dial_delay_ms", "early_media", "ring_ms",
        "talk_ms", "disposition", "sip_code", "sip_reason", "q850_cause", "hangup_side", "abandon_treatment",
        "abandon_treatment_ms", "rtp_sent", "rtp_received", "rtp_lost", "caller_id_name", "prompt_played", "prompt_name",
        "consent_source", "consent_at", "rtp_jitter_ms", "rtcp_peer_loss_pct", "rtcp_peer_lost", "rtcp_peer_jitter_ms",
        "rtcp_rtt_ms"};

    private LegColumns() {
    }

    /**
     * The values in {@link #NAMES} order: numbers as Long, Integer or Double, flags as Boolean, timestamps as
     * ISO-8601 UTC text with milliseconds, anything else as its text; null where the leg has no value.
     */
    static Object[] values(CdrLeg l) {
        return new Object[] {l.legId(), l.callId(), l.kind(), l.campaign(), l.leadId(), l.dialedNumber(),
            l.normalizedNumber(), l.fromUri(), l.toUri(), l.callerId(), l.trunk(), l.agent(), l.sipCallId(),
            ms(l.createdAt()), ms(l.ringingAt()), ms(l.answeredAt()), ms(l.bridgedAt()), ms(l.endedAt()),
            l.postDialDelayMs(), l.earlyMedia(), l.ringMs(), l.talkMs(), l.disposition(), l.sipCode(),
            l.sipReason(), l.q850Cause(), l.hangupSide(), l.abandonTreatment(), l.abandonTreatmentMs(),
            l.rtpSent(), l.rtpReceived(), l.rtpLost(), l.callerIdName(), l.promptPlayed(), l.promptName(),
            l.consentSource(), ms(l.consentAt()), l.rtpQuality().jitterMs(), l.rtpQuality().peerLossPercent(),
            l.rtpQuality().peerLost(), l.rtpQuality().peerJitterMs(), l.rtpQuality().rttMs()};
    }

    private static String ms(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
