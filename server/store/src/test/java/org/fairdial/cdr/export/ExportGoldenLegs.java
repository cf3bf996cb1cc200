package org.fairdial.cdr.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.report.ComplianceReport;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.WindowFigures;
import org.fairdial.storage.TestLegs;

/** The legs and the report behind the golden files in src/test/resources/cdr, written by the hand-made encoders. */
final class ExportGoldenLegs {
    private ExportGoldenLegs() {
    }

    static List<CdrLeg> legs() {
        CdrLeg full = withIds(TestLegs.full("ex", CALL, Disposition.ABANDONED, TestLegs.T0), "112233445566")
                .withRtpQuality(TestLegs.QUALITY);
        CdrLeg sparse = withIds(TestLegs.sparse("ex", LegKind.AGENT, TestLegs.T0.plusMillis(1)), "778899aabbcc");
        CdrLeg odd = new CdrLeg(UUID.fromString("0195f3a2-1b2c-7d4e-8f00-000000000001"), CALL,
                LegKind.CUSTOMER, "a,b \"c\"", "lead\n2", "  (020) 7946 0018 ", "+442079460018",
                "sip:x@y;tag=\"q\"", "sip:\u00e8@t\r\nX", "\t+44", "tr\\unk", "agent/7\u0001\u001f", "id@h",
                full.createdAt(), null, null, null, full.endedAt(), null, false, 0L, 0L, Disposition.NO_ANSWER,
                null, "Request Terminated ", null, HangupSide.REMOTE, false, 0L, 0L, 0L, 0L);
        return List.of(full, sparse, odd);
    }

    private static final UUID CALL = UUID.fromString("0195f3a2-1b2c-7d4e-8f00-aabbccddeeff");

    private static CdrLeg withIds(CdrLeg f, String legSuffix) {
        return new CdrLeg(UUID.fromString("0195f3a2-1b2c-7d4e-8f00-" + legSuffix), CALL, f.kind(), f.campaign(),
                f.leadId(), f.dialedNumber(), f.normalizedNumber(), f.fromUri(), f.toUri(), f.callerId(), f.trunk(),
                f.agent(), f.sipCallId(), f.createdAt(), f.ringingAt(), f.answeredAt(), f.bridgedAt(), f.endedAt(),
                f.postDialDelayMs(), f.earlyMedia(), f.ringMs(), f.talkMs(), f.disposition(), f.sipCode(),
                f.sipReason(), f.q850Cause(), f.hangupSide(), f.abandonTreatment(), f.abandonTreatmentMs(),
                f.rtpSent(), f.rtpReceived(), f.rtpLost());
    }

    static ComplianceReport report() {
        Instant t = Instant.parse("2025-06-02T23:00:00Z");
        WindowFigures a = new WindowFigures(Formula.UK_OFCOM_24H, t, t.plus(Duration.ofDays(1)), "Europe/London",
                101, 4, 0, 4.0 / 101, 0.03, 2_950L, 10_000, 1, true, t.plus(Duration.ofDays(2)));
        WindowFigures b = new WindowFigures(Formula.UK_OFCOM_24H, t.plus(Duration.ofDays(1)),
                t.plus(Duration.ofDays(2)), "Europe/London", 0, 0, 0, 0, 0.03, null, 10_000, 0, false,
                t.plus(Duration.ofDays(2)));
        WindowFigures c = new WindowFigures(Formula.IT_GARANTE_CUMULATIVE, t, t.plus(Duration.ofDays(1)),
                "Europe/Rome", 10_000, 1, 0, 1.0E-4, 0.03, 1L, 3_000, 0, true, t.plus(Duration.ofDays(2)));
        return new ComplianceReport("spring \"A\"", null, t.plus(Duration.ofDays(2)), List.of(
                new ComplianceReport.Section(Formula.UK_OFCOM_24H, 0.03, Duration.ofHours(72), List.of(a, b)),
                new ComplianceReport.Section(Formula.IT_GARANTE_CUMULATIVE, 0.03, Duration.ofDays(5), List.of(c)),
                new ComplianceReport.Section(Formula.US_TSR_30_DAY, 0.03, Duration.ZERO, List.of())));
    }
}
