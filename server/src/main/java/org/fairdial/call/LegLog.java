package org.fairdial.call;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.media.rtp.RtpStats;

/**
 * What happened to one leg and when, gathered from events as they arrive; turned into a {@link CdrLeg} when the
 * leg ends. Confined to the call's executor.
 */
final class LegLog {
    final UUID legId = UUID.randomUUID();
    final LegKind kind;
    String dialedNumber;
    String normalizedNumber;
    String agentId;
    String sipCallId;
    String fromUri;
    String toUri;
    Instant createdAt;
    Instant ringingAt;
    Instant answeredAt;
    Instant bridgedAt;
    Instant abandonStartedAt;
    boolean earlyMedia;
    Integer sipCode;
    String sipReason;
    Integer q850;
    boolean ended;

    LegLog(LegKind kind) {
        this.kind = kind;
    }

    void onProgress(Instant at, boolean withEarlyMedia) {
        if (ringingAt == null) {
            ringingAt = at;
        }
        earlyMedia |= withEarlyMedia;
    }

    void onAnswered(Instant at) {
        if (answeredAt == null) {
            answeredAt = at;
            sipCode = 200;
            sipReason = "OK";
        }
    }

    void onFinal(Integer code, String reason, Integer cause) {
        if (code != null) {
            sipCode = code;
        }
        if (reason != null) {
            sipReason = reason;
        }
        if (cause != null) {
            q850 = cause;
        }
    }

    CdrLeg toCdr(CallPlan plan, EndLeg end, Instant endedAt, RtpStats rtp) {
        Instant created = createdAt == null ? endedAt : createdAt;
        Instant ringEnd = answeredAt != null ? answeredAt : endedAt;
        long ringMs = Math.max(0, Duration.between(created, ringEnd).toMillis());
        long talkMs = answeredAt == null ? 0 : Math.max(0, Duration.between(answeredAt, endedAt).toMillis());
        Long pdd = ringingAt == null ? null : Duration.between(created, ringingAt).toMillis();
        boolean abandoned = abandonStartedAt != null;
        long abandonMs = abandoned && answeredAt != null ? Duration.between(answeredAt, endedAt).toMillis() : 0;
        String reason = sipReason != null && end.reason() != null && !end.reason().equals(sipReason)
                ? sipReason + "; " + end.reason() : end.reason() != null ? end.reason() : sipReason;
        boolean customer = kind == LegKind.CUSTOMER;
        return new CdrLeg(legId, plan.callId(), kind, plan.campaign().name(), customer ? plan.leadId() : null,
                dialedNumber, normalizedNumber, fromUri, toUri, plan.campaign().callerId().number(),
                customer ? plan.trunk().name() : null, agentId, sipCallId, created, ringingAt, answeredAt, bridgedAt,
                endedAt, pdd, earlyMedia, ringMs, talkMs, end.disposition(), sipCode, reason, q850,
                end.hangupSide(), abandoned, abandonMs, rtp.packetsSent(), rtp.packetsReceived(), rtp.packetsLost());
    }
}
