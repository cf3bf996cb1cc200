package org.fairdial.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fairdial.cdr.export.CdrExporter;
import org.fairdial.cdr.export.ExportFormat;
import org.fairdial.cdr.journal.CdrJournal;
import org.fairdial.cdr.report.ComplianceReport;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.WindowFigures;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.config.PrivacyConfig;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.OptOutRegistry;
import org.fairdial.privacy.erasure.PrivacyEraser;
import org.fairdial.privacy.erasure.RetentionJob;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.ports.LeadState;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.StoreTestSupport;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export, compliance reports, erasure and retention against a real database: the same suite on H2 and PostgreSQL.
 */
abstract class CdrToolsContract extends StoreTestSupport {
    /** Wednesday 4 June 2025, noon in London (BST): the campaign's days 1 and 2 are closed windows. */
    private static final Instant NOW = Instant.parse("2025-06-04T11:00:00Z");
    private static final Instant DAY1 = Instant.parse("2025-06-02T08:00:00Z");
    private static final Instant DAY2 = Instant.parse("2025-06-03T08:00:00Z");
    private static final String N = "+447700900123";
    /** The shipped profiles (uk-ofcom 72 h lockout, us-tsr none, it-garante 5 days), as the server reads them. */
    private static final Map<String, JurisdictionProfile> PROFILES = ReferenceProfiles.load();

    @TempDir
    Path journalDir;

    private JdbcCdrRepository cdrs;
    private JdbcPrivacyRepository privacy;
    private final NumberHasher hasher = new NumberHasher("tools-test-key-0123".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void emptyTables() {
        cdrs = new JdbcCdrRepository(db());
        privacy = new JdbcPrivacyRepository(dataSource());
        for (String table : List.of("cdr_leg", "lead_state", "privacy_erasure",
                "compliance_report", "campaign_epoch")) {
            StoreFixture.execute(dataSource(), "TRUNCATE TABLE " + table);
        }
    }

    @Test
    void exportStreamsThePeriodOfOneCampaignOldestFirst() throws IOException {
        List<CdrLeg> legs = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            legs.add(leg(i % 2 == 0 ? "a" : "b", "+3902990" + (1000 + i), DAY1.plusSeconds(i), Disposition.ANSWERED));
        }
        cdrs.insertBatch(legs);
        StringWriter out = new StringWriter();
        long n = new CdrExporter(cdrs).export(DAY1.plusSeconds(100), DAY1.plusSeconds(1_100), "a", ExportFormat.CSV,
                out);
        assertEquals(500, n);
        String[] lines = out.toString().split("\n");
        assertEquals(501, lines.length);
        assertTrue(lines[1].startsWith(legs.get(100).legId() + ","), lines[1]);
        assertTrue(lines[500].startsWith(legs.get(1_098).legId() + ","), lines[500]);
        StringWriter jsonl = new StringWriter();
        assertEquals(1_200, new CdrExporter(cdrs).export(DAY1, NOW, null, ExportFormat.JSONL, jsonl));
        assertEquals(1_200, jsonl.toString().lines().count());
    }

    @Test
    void complianceReportGivesEachFormulasWindowsAndKeepsClosedOnesAfterThePurge() {
        List<CdrLeg> legs = new ArrayList<>();
        // day 1: 100 answered live, 3 abandoned (3.00 %); day 2: 50 answered live, 3 abandoned (6.00 %)
        addDay(legs, DAY1, 97, 3, 2_800);
        addDay(legs, DAY2, 47, 3, 2_950);
        // an abandoned call to N, then a redial one hour later: inside the UK (72 h) and IT (5 d) lockouts
        legs.add(leg("uk", N, DAY1.plusSeconds(3_000), Disposition.ABANDONED));
        legs.add(leg("uk", N, DAY1.plusSeconds(7_000), Disposition.NO_ANSWER));
        cdrs.insertBatch(legs);

        ComplianceReport report = reporter().report("uk", "uk-ofcom", List.of(Formula.values()), null);
        List<WindowFigures> uk = section(report, Formula.UK_OFCOM_24H);
        assertEquals(3, uk.size(), "two closed days and today");
        assertFigures(uk.get(0), 101, 4, 1);
        assertTrue(uk.get(0).closed());
        assertFalse(uk.get(0).compliant(), "3.96 % and a redial inside the lockout");
        assertEquals(2_950, uk.get(1).worstAbandonMs());
        assertFigures(uk.get(1), 50, 3, 0);
        assertEquals(0.06, uk.get(1).abandonRate(), 1e-9);
        assertFalse(uk.get(2).closed());
        List<WindowFigures> it = section(report, Formula.IT_GARANTE_CUMULATIVE);
        assertFigures(it.get(1), 151, 7, 1);
        List<WindowFigures> us = section(report, Formula.US_TSR_30_DAY);
        assertEquals(1, us.size());
        assertFigures(us.get(0), 151, 7, 0);
        assertFalse(report.compliant());

        StoreFixture.execute(dataSource(), "DELETE FROM cdr_leg");
        ComplianceReport after = reporter().report("uk", "uk-ofcom", List.of(Formula.values()), null);
        assertFigures(section(after, Formula.UK_OFCOM_24H).get(0), 101, 4, 1);
        assertFigures(section(after, Formula.UK_OFCOM_24H).get(1), 50, 3, 0);
        assertFigures(section(after, Formula.IT_GARANTE_CUMULATIVE).get(1), 151, 7, 1);
    }

    @Test
    void erasureBlanksTheNumberEverywhereAndKeepsOnlyItsHash() throws IOException {
        CdrLeg stored = leg("c", N, DAY1, Disposition.ABANDONED);
        CdrLeg other = leg("c", "+447700900999", DAY1, Disposition.ANSWERED);
        cdrs.insertBatch(List.of(stored, other));
        new JdbcLeadStateRepository(db()).save(new LeadState("c", N, N, 1, Disposition.ABANDONED, DAY1, null, false));
        new JdbcDialHistoryRepository(dataSource()).recordAbandon(N, DAY1);
        JournalConfig journal = new JournalConfig(true, journalDir, 1L << 20, 4L << 20);
        CdrLeg journaled = leg("c", N, DAY2, Disposition.BUSY);
        try (CdrJournal j = CdrJournal.open(journal, () -> { }, InstantSource.system()).journal()) {
            j.ended(journaled);
        }

        PrivacyEraser.Result r = new PrivacyEraser(privacy, hasher, OptOutRegistry.AUDIT_ONLY, journal,
                InstantSource.fixed(NOW)).erase(N, true, "dpo", "ticket 42");

        assertEquals(1, r.tables().cdrLegs());
        assertEquals(1, r.tables().leadStates());
        assertEquals(1, r.tables().history(), "the number's abandon history");
        assertEquals("1 record(s) blanked", r.journal());
        CdrLeg blanked = cdrs.findByCall(stored.callId()).get(0);
        assertNull(blanked.normalizedNumber());
        assertNull(blanked.leadId());
        assertNull(blanked.toUri());
        assertEquals(Disposition.ABANDONED, blanked.disposition());
        assertEquals(other, cdrs.findByCall(other.callId()).get(0));
        assertNull(new JdbcDialHistoryRepository(dataSource()).abandons(N).lastAbandonAt());
        assertEquals(List.of(hasher.hash(N)), privacy.erasureHashes());
        assertEquals(1, StoreFixture.queryLong(dataSource(),
                "SELECT COUNT(*) FROM privacy_erasure WHERE opted_out AND completed_at IS NOT NULL"));
        CdrJournal.Opened reopened = CdrJournal.open(journal, () -> { }, InstantSource.system());
        try (CdrJournal j = reopened.journal()) {
            assertNull(reopened.recovery().ended().get(0).normalizedNumber(), "blanked in the journal too");
            assertEquals(journaled.legId(), reopened.recovery().ended().get(0).legId());
        }
    }

    @Test
    void retentionAnonymizesOldCallDataAndStoresTheReportsFirst() {
        cdrs.insertBatch(List.of(leg("r", N, DAY1, Disposition.ABANDONED),
                leg("r", "+447700900456", NOW.minusSeconds(600), Disposition.ANSWERED)));
        new JdbcLeadStateRepository(db()).save(new LeadState("r", N, N, 1, Disposition.ABANDONED, DAY1, null, false));
        RetentionJob.Outcome o = retention(PrivacyConfig.RetentionMode.ANONYMIZE).apply();
        assertEquals(1, o.legs());
        assertEquals(1, o.leadStates());
        assertEquals(1, StoreFixture.queryLong(dataSource(),
                "SELECT COUNT(*) FROM cdr_leg WHERE normalized_number IS NULL AND anonymized_at IS NOT NULL"));
        assertTrue(StoreFixture.queryLong(dataSource(),
                "SELECT COUNT(*) FROM compliance_report WHERE campaign = 'r' AND closed") > 0);
        assertEquals(0, retention(PrivacyConfig.RetentionMode.ANONYMIZE).apply().legs(), "idempotent");

        RetentionJob.Outcome deleted = retention(PrivacyConfig.RetentionMode.DELETE).apply();
        assertEquals(1, deleted.legs());
        assertEquals(1, cdrs.count());
    }

    private RetentionJob retention(PrivacyConfig.RetentionMode mode) {
        JdbcComplianceRepository reports = new JdbcComplianceRepository(db());
        return new RetentionJob(new PrivacyConfig.Retention(Duration.ofDays(1), mode, Duration.ofHours(1)),
                privacy, new JdbcDialHistoryRepository(dataSource()), reports, new ComplianceReporter(reports, PROFILES,
                InstantSource.fixed(NOW)), InstantSource.fixed(NOW));
    }

    private ComplianceReporter reporter() {
        return new ComplianceReporter(new JdbcComplianceRepository(db()), PROFILES, InstantSource.fixed(NOW));
    }

    private static List<WindowFigures> section(ComplianceReport report, Formula formula) {
        return report.sections().stream().filter(s -> s.formula() == formula).findFirst().orElseThrow().windows();
    }

    private static void assertFigures(WindowFigures w, long answered, long abandoned, long redials) {
        assertEquals(answered, w.answeredLive(), "answered live in " + w);
        assertEquals(abandoned, w.abandoned(), "abandoned in " + w);
        assertEquals(redials, w.redialsInLockout(), "redials in " + w);
    }

    private static void addDay(List<CdrLeg> legs, Instant day, int answered, int abandoned, long worstMs) {
        for (int i = 0; i < answered; i++) {
            legs.add(leg("uk", "+4477009" + (10_000 + legs.size()), day.plusSeconds(i), Disposition.ANSWERED));
        }
        for (int i = 0; i < abandoned; i++) {
            CdrLeg a = leg("uk", "+4477009" + (10_000 + legs.size()), day.plusSeconds(500 + i), Disposition.ABANDONED);
            legs.add(withTalk(a, i == 0 ? worstMs : 1_000));
        }
        legs.add(leg("uk", "+4477009" + (10_000 + legs.size()), day.plusSeconds(900), Disposition.NO_ANSWER));
    }

    private static CdrLeg leg(String campaign, String number, Instant createdAt, Disposition d) {
        CdrLeg c = TestLegs.distinct(campaign, LegIds.next(), UUID.randomUUID(), number, createdAt);
        return new CdrLeg(c.legId(), c.callId(), c.kind(), campaign, c.leadId(), c.dialedNumber(), c.normalizedNumber(),
                c.fromUri(), c.toUri(), c.callerId(), c.trunk(), c.agent(), c.sipCallId(), createdAt, c.ringingAt(),
                c.answeredAt(), c.bridgedAt(), createdAt.plusSeconds(30), c.postDialDelayMs(), c.earlyMedia(),
                c.ringMs(), 2_000, d, c.sipCode(), c.sipReason(), c.q850Cause(), c.hangupSide(), false, 0, c.rtpSent(),
                c.rtpReceived(), c.rtpLost());
    }

    private static CdrLeg withTalk(CdrLeg c, long talkMs) {
        return new CdrLeg(c.legId(), c.callId(), c.kind(), c.campaign(), c.leadId(), c.dialedNumber(),
                c.normalizedNumber(), c.fromUri(), c.toUri(), c.callerId(), c.trunk(), c.agent(), c.sipCallId(),
                c.createdAt(), c.ringingAt(), c.answeredAt(), c.bridgedAt(), c.endedAt(), c.postDialDelayMs(),
                c.earlyMedia(), c.ringMs(), talkMs, c.disposition(), c.sipCode(), c.sipReason(), c.q850Cause(),
                c.hangupSide(), true, talkMs, c.rtpSent(), c.rtpReceived(), c.rtpLost());
    }
}
