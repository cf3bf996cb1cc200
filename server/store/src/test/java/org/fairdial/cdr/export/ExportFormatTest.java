package org.fairdial.cdr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;

/** What each export format writes for one leg, byte for byte. */
class ExportFormatTest {
    private static final UUID LEG = UUID.fromString("0195f3a2-1b2c-7d4e-8f00-112233445566");
    private static final UUID CALL = UUID.fromString("0195f3a2-1b2c-7d4e-8f00-aabbccddeeff");

    @Test
    void csvHasEveryColumnOfTheSchemaUnderItsName() {
        String header = ExportFormat.CSV.header();
        assertTrue(header.startsWith("leg_id,call_id,kind,campaign,lead_id,dialed_number,normalized_number,"), header);
        assertTrue(header.contains(",abandon_treatment,abandon_treatment_ms,rtp_sent,rtp_received,rtp_lost,"), header);
        assertTrue(header.contains(",caller_id_name,prompt_played,prompt_name,consent_source,consent_at,"), header);
        assertTrue(header.endsWith(",rtp_jitter_ms,rtcp_peer_loss_pct,rtcp_peer_lost,rtcp_peer_jitter_ms,rtcp_rtt_ms"),
                header);
        assertEquals(42, header.split(",").length);
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        String line = ExportFormat.CSV.line(leg());
        assertEquals(LEG + "," + CALL + ",CUSTOMER,ex,lead-42,(020) 7946 0018,+442079460018,"
                + "sip:dialer@fairdial.test,sip:+442079460018@trunk.test;user=phone,+442079460000,trunk-a,agent-7,"
                + "a84b4c76e66710@pc33.fairdial.test,2025-03-04T05:06:07.891Z,2025-03-04T05:06:09.125Z,"
                + "2025-03-04T05:06:12.892Z,2025-03-04T05:06:13.323Z,2025-03-04T05:07:13.890Z,1234,true,5001,60998,"
                + "ABANDONED,200,OK,16,REMOTE,true,2345,3050,3049,7,,false,,,,,,,,", line);
        String quality = ExportFormat.CSV.line(leg().withRtpQuality(TestLegs.QUALITY));
        assertTrue(quality.endsWith(",7,,false,,,,2.5,1.17,7,3.25,41.5"), quality);
        String quoted = ExportFormat.CSV.line(TestLegs.sparse("a,b \"c\"", LegKind.AGENT, TestLegs.T0));
        assertTrue(quoted.contains(",AGENT,\"a,b \"\"c\"\"\",,"), quoted);
        assertTrue(quoted.contains(",2025-03-04T05:06:07.891Z,,,,"), "a null is an empty field: " + quoted);
    }

    @Test
    void jsonlWritesTypedValuesAndNulls() {
        String line = ExportFormat.JSONL.line(TestLegs.sparse("ex", LegKind.AGENT, TestLegs.T0));
        assertTrue(line.startsWith("{\"leg_id\":\""), line);
        assertTrue(line.contains("\"lead_id\":null,"), line);
        assertTrue(line.contains("\"created_at\":\"2025-03-04T05:06:07.891Z\","), line);
        assertTrue(line.contains("\"early_media\":false,\"ring_ms\":32000,"), line);
        assertTrue(line.contains("\"sip_code\":null,"), line);
        assertTrue(line.contains("\"rtp_lost\":0,"), line);
        assertTrue(line.endsWith("\"prompt_played\":false,\"prompt_name\":null,\"consent_source\":null,"
                + "\"consent_at\":null,\"rtp_jitter_ms\":null,\"rtcp_peer_loss_pct\":null,\"rtcp_peer_lost\":null,"
                + "\"rtcp_peer_jitter_ms\":null,\"rtcp_rtt_ms\":null}"), line);
        String escaped = ExportFormat.JSONL.line(TestLegs.sparse("a\"b\\c\n\u0001", LegKind.AGENT, TestLegs.T0));
        assertTrue(escaped.contains("\"campaign\":\"a\\\"b\\\\c\\n\\u0001\","), escaped);
    }

    @Test
    void asteriskCsvFollowsMasterCsvColumnOrder() {
        assertNull(ExportFormat.ASTERISK_CSV.header());
        assertEquals("\"ex\",\"+442079460000\",\"+442079460018\",\"fairdial\",\"\"\"ex\"\" <+442079460000>\","
                + "\"SIP/trunk-a-33445566\",\"\",\"Dial\",\"sip:+442079460018@trunk.test;user=phone\","
                + "\"2025-03-04 05:06:07\",\"2025-03-04 05:06:12\",\"2025-03-04 05:07:13\",65,60,\"ANSWERED\","
                + "\"DOCUMENTATION\",\"" + LEG + "\",\"ABANDONED;200;CUSTOMER\"",
                ExportFormat.ASTERISK_CSV.line(leg()));
        assertEquals("NO ANSWER", ExportFormat.asteriskDisposition(Disposition.CANCELLED));
    }

    private static CdrLeg leg() {
        CdrLeg f = TestLegs.full("ex", CALL, Disposition.ABANDONED, TestLegs.T0);
        return new CdrLeg(LEG, CALL, f.kind(), f.campaign(), f.leadId(), f.dialedNumber(), f.normalizedNumber(),
                f.fromUri(), f.toUri(), f.callerId(), f.trunk(), f.agent(), f.sipCallId(), f.createdAt(), f.ringingAt(),
                f.answeredAt(), f.bridgedAt(), f.endedAt(), f.postDialDelayMs(), f.earlyMedia(), f.ringMs(), f.talkMs(),
                f.disposition(), f.sipCode(), f.sipReason(), f.q850Cause(), f.hangupSide(), f.abandonTreatment(),
                f.abandonTreatmentMs(), f.rtpSent(), f.rtpReceived(), f.rtpLost());
    }

    @Test
    void csvAndJsonlCarryTheTsrRecords() {
        CdrLeg leg = TestLegs.withTsr(TestLegs.full("tsr", UUID.randomUUID(), Disposition.ABANDONED, TestLegs.T0));
        String csv = ExportFormat.CSV.line(leg);
        assertTrue(csv.endsWith(",\"Acme Energia \"\"Sud\"\"\",true,abandon-it.wav,"
                + "web form acme.example/optin #8812,2025-01-15T10:20:30.456Z,2.5,1.17,7,3.25,41.5"), csv);
        String json = ExportFormat.JSONL.line(leg);
        assertTrue(json.endsWith("\"caller_id_name\":\"Acme Energia \\\"Sud\\\"\",\"prompt_played\":true,"
                + "\"prompt_name\":\"abandon-it.wav\",\"consent_source\":\"web form acme.example/optin #8812\","
                + "\"consent_at\":\"2025-01-15T10:20:30.456Z\",\"rtp_jitter_ms\":2.5,\"rtcp_peer_loss_pct\":1.17,"
                + "\"rtcp_peer_lost\":7,\"rtcp_peer_jitter_ms\":3.25,\"rtcp_rtt_ms\":41.5}"), json);
        assertTrue(json.contains("\"disposition\":\"ABANDONED\","), json);
        assertTrue(json.contains("\"caller_id\":\"+442079460000\","), json);
    }

    @Test
    void asteriskLayoutIgnoresTheTsrRecords() {
        CdrLeg plain = TestLegs.full("tsr", UUID.randomUUID(), Disposition.ABANDONED, TestLegs.T0);
        assertEquals(ExportFormat.ASTERISK_CSV.line(plain), ExportFormat.ASTERISK_CSV.line(TestLegs.withTsr(plain)));
    }
}
