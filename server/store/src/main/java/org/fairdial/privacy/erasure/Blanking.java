package org.fairdial.privacy.erasure;

import org.fairdial.cdr.CdrLeg;

/**
 * What an erasure or retention removes from a leg: the callee's number (as dialed and normalized), the lead id
 * (which is the number), the To URI (which holds it) and the SIP Call-ID (which the carrier's records tie to it).
 * Times, outcome, codes, campaign and caller ID stay: they are the statistics regulators ask for; so do the TSR
 * records (caller-ID name, prompt, consent source and time), which 16 CFR 310.5 asks be kept.
 */
public final class Blanking {
    private Blanking() {
    }

    /** True when the leg holds {@code e164} in any of the blanked fields. */
    public static boolean holds(CdrLeg leg, String e164) {
        return e164.equals(leg.normalizedNumber()) || e164.equals(leg.leadId()) || e164.equals(leg.dialedNumber());
    }

    public static CdrLeg blank(CdrLeg l) {
        return new CdrLeg(l.legId(), l.callId(), l.kind(), l.campaign(), null, null, null, l.fromUri(), null,
                l.callerId(), l.trunk(), l.agent(), null, l.createdAt(), l.ringingAt(), l.answeredAt(),
                l.bridgedAt(), l.endedAt(), l.postDialDelayMs(), l.earlyMedia(), l.ringMs(), l.talkMs(),
                l.disposition(), l.sipCode(), l.sipReason(), l.q850Cause(), l.hangupSide(), l.abandonTreatment(),
                l.abandonTreatmentMs(), l.rtpSent(), l.rtpReceived(), l.rtpLost())
                .withTsr(l.callerIdName(), l.promptName(), l.consentSource(), l.consentAt());
    }
}
