package org.fairdial.storage;

import java.time.Instant;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.RtpQuality;

/** CDR legs for tests: every component set to a distinct value, or every nullable component null. */
public final class TestLegs {

    /** A fixed instant with a millisecond part, so a store that drops milliseconds fails the round trip. */
    public static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");

    private TestLegs() {
    }

    /** Call quality of {@link #full}: every figure known. */
    public static final RtpQuality QUALITY = new RtpQuality(2.5, 1.17, 7L, 3.25, 41.5);

    /** A customer leg with every component set but the TSR records. */
    public static CdrLeg full(String campaign, UUID callId, Disposition disposition, Instant createdAt) {
        return new CdrLeg(UUID.randomUUID(), callId, LegKind.CUSTOMER, campaign, "lead-42", "(020) 7946 0018",
                "+442079460018", "sip:dialer@fairdial.test", "sip:+442079460018@trunk.test;user=phone",
                "+442079460000", "trunk-a", "agent-7", "a84b4c76e66710@pc33.fairdial.test", createdAt,
                createdAt.plusMillis(1_234), createdAt.plusMillis(5_001), createdAt.plusMillis(5_432),
                createdAt.plusMillis(65_999), 1_234L, true, 5_001, 60_998, disposition, 200, "OK", 16,
                HangupSide.REMOTE, true, 2_345, 3_050, 3_049, 7).withRtpQuality(QUALITY);
    }

    /** A leg with every nullable component null (an INVITE that never got a response). */
    public static CdrLeg sparse(String campaign, LegKind kind, Instant createdAt) {
        return new CdrLeg(UUID.randomUUID(), UUID.randomUUID(), kind, campaign, null, null, null, null, null, null,
                null, null, null, createdAt, null, null, null, createdAt.plusSeconds(32), null, false, 32_000, 0,
                Disposition.FAILED, null, null, null, HangupSide.DIALER, false, 0, 0, 0, 0);
    }

    /** Consent time of {@link #withTsr}: milliseconds, like every stored instant. */
    public static final Instant CONSENT_AT = Instant.parse("2025-01-15T10:20:30.456Z");

    /** The leg with every TSR record (16 CFR 310.5) set: caller-ID name, prompt played, consent source and time. */
    public static CdrLeg withTsr(CdrLeg leg) {
        return leg.withTsr("Acme Energia \"Sud\"", "abandon-it.wav", "web form acme.example/optin #8812",
                CONSENT_AT);
    }

    /** A customer leg with the given outcome, for counting. */
    public static CdrLeg customer(String campaign, Disposition disposition, Instant createdAt) {
        return full(campaign, UUID.randomUUID(), disposition, createdAt);
    }

    /** A full customer leg with its own ids and number, e.g. for volume tests where indexes must see distinct keys. */
    public static CdrLeg distinct(String campaign, UUID legId, UUID callId, String number, Instant createdAt) {
        CdrLeg c = full(campaign, callId, Disposition.ANSWERED, createdAt);
        return new CdrLeg(legId, callId, LegKind.CUSTOMER, campaign, number, number, number, c.fromUri(),
                "sip:" + number + "@trunk.test;user=phone", c.callerId(), c.trunk(), c.agent(),
                legId + "@pc33.fairdial.test", createdAt, c.ringingAt(), c.answeredAt(), c.bridgedAt(), c.endedAt(),
                c.postDialDelayMs(), c.earlyMedia(), c.ringMs(), c.talkMs(), c.disposition(), c.sipCode(),
                c.sipReason(), c.q850Cause(), c.hangupSide(), false, 0, c.rtpSent(), c.rtpReceived(), c.rtpLost());
    }

    /** The agent leg of a call. */
    public static CdrLeg agent(String campaign, UUID callId, Disposition disposition, Instant createdAt) {
        CdrLeg c = full(campaign, callId, disposition, createdAt);
        return new CdrLeg(c.legId(), callId, LegKind.AGENT, campaign, null, "agent-7", null, c.fromUri(),
                "sip:agent-7@10.0.0.7:5060", c.callerId(), null, "agent-7", "agent-leg@fairdial.test", createdAt,
                c.ringingAt(), c.answeredAt(), c.bridgedAt(), c.endedAt(), c.postDialDelayMs(), false, c.ringMs(),
                c.talkMs(), disposition, 200, "OK", null, HangupSide.OTHER_LEG, false, 0, 100, 99, 0);
    }
}
