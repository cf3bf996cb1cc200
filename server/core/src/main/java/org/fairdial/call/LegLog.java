package org.fairdial.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.RtpQuality;
import org.fairdial.compliance.Consent;
import org.fairdial.media.FarEndReport;
import org.fairdial.media.RtpStats;
import org.fairdial.media.sdp.Negotiation;

/**
 * What happened to one leg and when, gathered from events as they arrive; turned into a {@link CdrLeg} when the
 * leg ends. Confined to the call's executor.
 */
final class LegLog {
    static final int TRACE_LIMIT = 8;
    final UUID legId = LegIds.next();
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
    /** Name of the prerecorded message played to the callee, or null. */
    String promptName;
    boolean earlyMedia;
    Integer sipCode;
    String sipReason;
    Integer q850;
    boolean ended;
    /** What the peer's SDP last settled (its answer to our offer, then each re-INVITE), if it could be read. */
    Negotiation negotiated;
    /** Mid-call renegotiations, oldest first, for the CDR reason (at most {@link #TRACE_LIMIT}). */
    private final List<String> trace = new ArrayList<>();
    private int traceDropped;
    /** What the last journaled snapshot knew; a new snapshot is due when it differs. */
    private Milestones journaled;

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

    /** A re-INVITE was answered or refused; kept for the leg's CDR. */
    void onReoffer(String what) {
        if (trace.size() < TRACE_LIMIT) {
            trace.add(what);
        } else {
            traceDropped++;
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

    /**
     * The leg as known at {@code at}, for the journal: if the dialer dies before the leg ends, the next start
     * closes it from the latest snapshot (org.fairdial.cdr.journal.OpenLegCloser). Disposition and hang-up side
     * are placeholders; {@code at} stands in for the end.
     */
    CdrLeg snapshot(CallPlan plan, Instant at) {
        journaled = milestones();
        return toCdr(plan, new EndLeg(kind, Disposition.CANCELLED, HangupSide.DIALER, null), at, RtpStats.NONE);
    }

    /** True when the leg is under way and something the journal should know changed since its last snapshot. */
    boolean snapshotDue() {
        return !ended && createdAt != null && journaled != null && !journaled.equals(milestones());
    }

    private Milestones milestones() {
        return new Milestones(sipCallId, ringingAt, answeredAt, bridgedAt, abandonStartedAt, agentId,
                trace.size() + traceDropped);
    }

    private record Milestones(String sipCallId, Instant ringingAt, Instant answeredAt, Instant bridgedAt,
                              Instant abandonStartedAt, String agentId, int reoffers) {
    }

    /** The leg's reason with its renegotiations after it, e.g. "callee hung up; re-INVITE: hold (a=sendonly)". */
    private String withTrace(String reason) {
        if (trace.isEmpty()) {
            return reason;
        }
        String renegotiations = String.join(", ", trace) + (traceDropped > 0 ? ", +" + traceDropped + " more" : "");
        return reason == null ? renegotiations : reason + "; " + renegotiations;
    }

    CdrLeg toCdr(CallPlan plan, EndLeg end, Instant endedAt, RtpStats rtp) {
        Instant created = createdAt == null ? endedAt : createdAt;
        Instant ringEnd = answeredAt != null ? answeredAt : endedAt;
        long ringMs = Math.max(0, Duration.between(created, ringEnd).toMillis());
        long talkMs = answeredAt == null ? 0 : Math.max(0, Duration.between(answeredAt, endedAt).toMillis());
        Long pdd = ringingAt == null ? null : Duration.between(created, ringingAt).toMillis();
        boolean abandoned = abandonStartedAt != null;
        long abandonMs = abandoned && answeredAt != null ? Duration.between(answeredAt, endedAt).toMillis() : 0;
        String reason = withTrace(sipReason != null && end.reason() != null && !end.reason().equals(sipReason)
                ? sipReason + "; " + end.reason() : end.reason() != null ? end.reason() : sipReason);
        boolean customer = kind == LegKind.CUSTOMER;
        CdrLeg leg = new CdrLeg(legId, plan.callId(), kind, plan.campaign().name(), customer ? plan.leadId() : null,
                dialedNumber, normalizedNumber, fromUri, toUri, plan.campaign().callerId().number(),
                customer ? plan.trunk().name() : null, agentId, sipCallId, created, ringingAt, answeredAt, bridgedAt,
                endedAt, pdd, earlyMedia, ringMs, talkMs, end.disposition(), sipCode, reason, q850,
                end.hangupSide(), abandoned, abandonMs, rtp.packetsSent(), rtp.packetsReceived(), rtp.packetsLost())
                .withRtpQuality(quality(rtp));
        if (!customer) {
            return leg;
        }
        Consent consent = plan.consent();
        return leg.withTsr(plan.campaign().callerId().name(), promptName, consent == null ? null : consent.source(),
                consent == null ? null : consent.at());
    }

    /** The media engine's figures as the CDR keeps them. */
    static RtpQuality quality(RtpStats rtp) {
        FarEndReport peer = rtp.farEnd();
        return peer == null ? new RtpQuality(rtp.jitterMs(), null, null, null, null)
                : new RtpQuality(rtp.jitterMs(), peer.lossPercent(), peer.cumulativeLost(), peer.jitterMs(),
                        peer.rttMs());
    }
}
