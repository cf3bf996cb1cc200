package org.fairdial.cdr.journal;

import java.time.Duration;
import java.time.Instant;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;

/**
 * Closes a leg the dialer was still handling when it died: the journal holds its last snapshot but no end. The
 * CDR keeps everything the snapshot knew and says what can be said about the rest:
 * <ul>
 *   <li>ended at the last moment the dialer is known to have been alive (its last journal record or heartbeat),
 *   since the call cannot have outlived the process by much: the peer gives up on a silent dialer;</li>
 *   <li>disposition from the last known state: a customer who answered and was bridged ANSWERED, who answered
 *   and was not bridged ABANDONED (counted against the abandon budget: the conservative reading), who never
 *   answered CANCELLED; an agent leg ANSWERED when bridged, else CANCELLED;</li>
 *   <li>hang-up by the DIALER, reason "dialer restart", no RTP counts (unknown).</li>
 * </ul>
 */
public final class OpenLegCloser {
    /** Appended to the SIP reason of every leg closed this way. */
    public static final String REASON = "dialer restart";

    private OpenLegCloser() {
    }

    public static CdrLeg close(CdrLeg snapshot, Instant lastAlive) {
        Instant ended = latest(lastAlive, snapshot.createdAt(), snapshot.ringingAt(), snapshot.answeredAt(),
                snapshot.bridgedAt());
        Instant answered = snapshot.answeredAt();
        Disposition disposition;
        if (answered == null) {
            disposition = Disposition.CANCELLED;
        } else if (snapshot.bridgedAt() != null) {
            disposition = Disposition.ANSWERED;
        } else {
            disposition = snapshot.kind() == LegKind.CUSTOMER ? Disposition.ABANDONED : Disposition.CANCELLED;
        }
        long ringMs = Math.max(0, Duration.between(snapshot.createdAt(), answered != null ? answered : ended)
                .toMillis());
        long talkMs = answered == null ? 0 : Math.max(0, Duration.between(answered, ended).toMillis());
        long abandonMs = snapshot.abandonTreatment() && answered != null ? talkMs : 0;
        String reason = snapshot.sipReason() == null ? REASON : snapshot.sipReason() + "; " + REASON;
        return new CdrLeg(snapshot.legId(), snapshot.callId(), snapshot.kind(), snapshot.campaign(),
                snapshot.leadId(), snapshot.dialedNumber(), snapshot.normalizedNumber(), snapshot.fromUri(),
                snapshot.toUri(), snapshot.callerId(), snapshot.trunk(), snapshot.agent(), snapshot.sipCallId(),
                snapshot.createdAt(), snapshot.ringingAt(), answered, snapshot.bridgedAt(), ended,
                snapshot.postDialDelayMs(), snapshot.earlyMedia(), ringMs, talkMs, disposition, snapshot.sipCode(),
                reason, snapshot.q850Cause(), HangupSide.DIALER, snapshot.abandonTreatment(), abandonMs, 0, 0, 0)
                .withTsr(snapshot.callerIdName(), snapshot.promptName(), snapshot.consentSource(),
                        snapshot.consentAt());
    }

    private static Instant latest(Instant first, Instant... more) {
        Instant max = first;
        for (Instant t : more) {
            if (t != null && (max == null || t.isAfter(max))) {
                max = t;
            }
        }
        return max;
    }
}
