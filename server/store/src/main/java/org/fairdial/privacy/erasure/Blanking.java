package org.fairdial.privacy.erasure;

import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;

/**
 * What an erasure or retention removes from a leg: the callee's number (as dialed and normalized), the lead id
 * (which is the number), the To URI (which holds it) and the SIP Call-ID (which the carrier's records tie to it).
 * Times, outcome, codes, campaign and caller ID stay: they are the statistics regulators ask for; so do the TSR
 * records (caller-ID name, prompt, consent source and time), which 16 CFR 310.5 asks be kept. An agent leg
 * holds the callee's number in its From URI only (the dialer presents the callee to the agent's phone), so that
 * is all it loses.
 */
public final class Blanking {
    private Blanking() {
    }

    /** True when the leg holds {@code e164} in any of the blanked fields. */
    public static boolean holds(CdrLeg leg, String e164) {
        if (leg.kind() != LegKind.CUSTOMER) {
            return e164.equals(presentedNumber(leg));
        }
        return e164.equals(leg.normalizedNumber()) || e164.equals(leg.leadId()) || e164.equals(leg.dialedNumber());
    }

    /** The callee's number an agent leg presented to the agent: the user part of its From URI, or null. */
    public static String presentedNumber(CdrLeg agentLeg) {
        String from = agentLeg.fromUri();
        if (from == null) {
            return null;
        }
        int colon = from.indexOf(':');
        int at = from.indexOf('@');
        return colon < 0 || at < colon ? null : from.substring(colon + 1, at);
    }

    public static CdrLeg blank(CdrLeg l) {
        if (l.kind() != LegKind.CUSTOMER) {
            return new CdrLeg(l.legId(), l.callId(), l.kind(), l.campaign(), l.leadId(), l.dialedNumber(),
                    l.normalizedNumber(), null, l.toUri(), l.callerId(), l.trunk(), l.agent(), l.sipCallId(),
                    l.createdAt(), l.ringingAt(), l.answeredAt(), l.bridgedAt(), l.endedAt(), l.postDialDelayMs(),
                    l.earlyMedia(), l.ringMs(), l.talkMs(), l.disposition(), l.sipCode(), l.sipReason(),
                    l.q850Cause(), l.hangupSide(), l.abandonTreatment(), l.abandonTreatmentMs(), l.rtpSent(),
                    l.rtpReceived(), l.rtpLost()).withRtpQuality(l.rtpQuality());
        }
        return new CdrLeg(l.legId(), l.callId(), l.kind(), l.campaign(), null, null, null, l.fromUri(), null,
                l.callerId(), l.trunk(), l.agent(), null, l.createdAt(), l.ringingAt(), l.answeredAt(),
                l.bridgedAt(), l.endedAt(), l.postDialDelayMs(), l.earlyMedia(), l.ringMs(), l.talkMs(),
                l.disposition(), l.sipCode(), l.sipReason(), l.q850Cause(), l.hangupSide(), l.abandonTreatment(),
                l.abandonTreatmentMs(), l.rtpSent(), l.rtpReceived(), l.rtpLost())
                .withTsr(l.callerIdName(), l.promptName(), l.consentSource(), l.consentAt())
                .withRtpQuality(l.rtpQuality());
    }
}
