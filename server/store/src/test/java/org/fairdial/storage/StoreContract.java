package org.fairdial.storage;

import org.fairdial.ports.CampaignCounts;
import org.fairdial.ports.LeadState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage behaviour every supported database must show. Subclasses only say which database; the tests are
 * the same, so a dialect difference (upsert syntax, timestamp precision) shows up as a failure on one of them.
 */
abstract class StoreContract extends StoreTestSupport {

    private JdbcCdrRepository cdrs;

    @BeforeEach
    void emptyTables() {
        cdrs = new JdbcCdrRepository(db());
        for (String table : List.of("cdr_leg", "lead_state")) {
            StoreFixture.execute(dataSource(), "TRUNCATE TABLE " + table);
        }
    }

    @Test
    void migrationsRunAgainWithoutError() {
        try (Database again = Database.open(fixture().config())) {
            assertEquals(db().isPostgres(), again.isPostgres());
            assertEquals(0, new JdbcCdrRepository(again.dataSource()).count());
        }
        assertEquals(1, StoreFixture.queryLong(dataSource(),
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success"));
    }

    @Test
    void legWithEveryFieldRoundTrips() {
        CdrLeg leg = TestLegs.full("rt", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0);
        assertEquals(1, cdrs.insertBatch(List.of(leg)));
        assertEquals(List.of(leg), cdrs.findByCall(leg.callId()));
    }

    @Test
    void tsrRecordsRoundTrip() {
        CdrLeg leg = TestLegs.withTsr(TestLegs.full("tsr", UUID.randomUUID(), Disposition.ABANDONED, TestLegs.T0));
        assertEquals(1, cdrs.insertBatch(List.of(leg)));
        CdrLeg stored = cdrs.findByCall(leg.callId()).get(0);
        assertEquals(leg, stored);
        assertEquals("Acme Energia \"Sud\"", stored.callerIdName());
        assertTrue(stored.promptPlayed());
        assertEquals("abandon-it.wav", stored.promptName());
        assertEquals("web form acme.example/optin #8812", stored.consentSource());
        assertEquals(TestLegs.CONSENT_AT, stored.consentAt());
    }

    @Test
    void complianceReportListsEachCallsTsrRecordsInThePeriod() {
        UUID call = UUID.randomUUID();
        CdrLeg customer = TestLegs.withTsr(TestLegs.full("tsr", call, Disposition.ABANDONED, TestLegs.T0));
        CdrLeg agent = TestLegs.agent("tsr", call, Disposition.ANSWERED, TestLegs.T0);
        CdrLeg later = TestLegs.full("tsr", UUID.randomUUID(), Disposition.NO_ANSWER, TestLegs.T0.plusSeconds(3600));
        CdrLeg other = TestLegs.withTsr(TestLegs.full("other", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0));
        cdrs.insertBatch(List.of(customer, agent, later, other));
        StringBuilder json = new StringBuilder();
        assertEquals(1, org.fairdial.cdr.report.TsrCallRecords.write(cdrs, "tsr", TestLegs.T0,
                TestLegs.T0.plusSeconds(60), true, json));
        assertEquals("{\"leg_id\":\"" + customer.legId() + "\",\"call_id\":\"" + call + "\",\"campaign\":\"tsr\","
                + "\"called_at\":\"2025-03-04T05:06:07.891Z\",\"ended_at\":\"2025-03-04T05:07:13.890Z\","
                + "\"called_number\":\"+442079460018\",\"calling_number\":\"+442079460000\","
                + "\"caller_id_name\":\"Acme Energia \\\"Sud\\\"\",\"talk_ms\":60998,\"disposition\":\"ABANDONED\","
                + "\"prompt_played\":true,\"prompt_name\":\"abandon-it.wav\","
                + "\"consent_source\":\"web form acme.example/optin #8812\",\"consent_at\":\"2025-01-15T10:20:30.456Z\"}\n",
                json.toString());
        StringBuilder text = new StringBuilder();
        assertEquals(2, org.fairdial.cdr.report.TsrCallRecords.write(cdrs, "tsr", TestLegs.T0,
                TestLegs.T0.plusSeconds(7200), false, text));
        String[] lines = text.toString().split("\n");
        assertEquals(5, lines.length, text.toString());
        assertTrue(lines[2].contains("abandon-it.wav") && lines[2].contains("2025-01-15T10:20:30.456Z")
                && lines[2].contains("ABANDONED"), lines[2]);
        assertTrue(lines[3].contains("NO_ANSWER") && lines[3].contains(" none "), lines[3]);
        assertEquals("2 call(s)", lines[4]);
    }

    @Test
    void legWithEveryNullableNullRoundTrips() {
        CdrLeg leg = TestLegs.sparse("rt", LegKind.CUSTOMER, TestLegs.T0);
        cdrs.insertBatch(List.of(leg));
        assertEquals(List.of(leg), cdrs.findByCall(leg.callId()));
    }

    @Test
    void timestampsAreStoredAtMillisecondPrecision() {
        CdrLeg leg = TestLegs.sparse("rt", LegKind.CUSTOMER, TestLegs.T0.plusNanos(456_789));
        cdrs.insertBatch(List.of(leg));
        assertEquals(TestLegs.T0, cdrs.findByCall(leg.callId()).get(0).createdAt());
    }

    @Test
    void replayingABatchStoresNothingTwice() {
        UUID call = UUID.randomUUID();
        List<CdrLeg> batch = List.of(TestLegs.full("replay", call, Disposition.ANSWERED, TestLegs.T0),
                TestLegs.agent("replay", call, Disposition.ANSWERED, TestLegs.T0.plusMillis(3)));
        assertEquals(2, cdrs.insertBatch(batch));
        assertEquals(0, cdrs.insertBatch(batch));
        CdrLeg fresh = TestLegs.sparse("replay", LegKind.CUSTOMER, TestLegs.T0);
        assertEquals(1, cdrs.insertBatch(List.of(batch.get(0), fresh, batch.get(1))));
        assertEquals(3, cdrs.count());
        assertEquals(batch, cdrs.findByCall(call));
    }

    @Test
    void recentIsNewestFirstAndLimited() {
        CdrLeg old = TestLegs.sparse("recent", LegKind.CUSTOMER, TestLegs.T0);
        CdrLeg mid = TestLegs.sparse("recent", LegKind.AGENT, TestLegs.T0.plusSeconds(1));
        CdrLeg last = TestLegs.sparse("other", LegKind.CUSTOMER, TestLegs.T0.plusSeconds(2));
        cdrs.insertBatch(List.of(mid, last, old));
        assertEquals(List.of(last, mid), cdrs.recent(2));
        assertEquals(List.of(last, mid, old), cdrs.recent(10));
    }

    @Test
    void campaignCountsCustomerLegsSince() {
        Instant since = TestLegs.T0;
        cdrs.insertBatch(List.of(
                TestLegs.customer("c1", Disposition.ANSWERED, since),
                TestLegs.customer("c1", Disposition.ANSWERED, since.plusSeconds(5)),
                TestLegs.customer("c1", Disposition.ABANDONED, since.plusSeconds(6)),
                TestLegs.customer("c1", Disposition.NO_ANSWER, since.plusSeconds(7)),
                TestLegs.customer("c1", Disposition.BUSY, since.plusSeconds(8)),
                TestLegs.agent("c1", UUID.randomUUID(), Disposition.ANSWERED, since.plusSeconds(9)),
                TestLegs.customer("c1", Disposition.ABANDONED, since.minusMillis(1)),
                TestLegs.customer("c2", Disposition.ABANDONED, since.plusSeconds(5))));
        assertEquals(new CampaignCounts(3, 1), cdrs.countCustomerLegs("c1", since));
        assertEquals(new CampaignCounts(1, 1), cdrs.countCustomerLegs("c2", since));
        assertEquals(new CampaignCounts(0, 0), cdrs.countCustomerLegs("none", since));
    }

    @Test
    void leadStateIsUpsertedAndLoadedPerCampaign() {
        JdbcLeadStateRepository leads = new JdbcLeadStateRepository(db());
        LeadState fresh = new LeadState("c1", "L1", "+14155550100", 0, null, null, null, false);
        LeadState other = new LeadState("c2", "L1", "+14155550199", 1, Disposition.BUSY, TestLegs.T0, null, false);
        leads.save(fresh);
        leads.save(other);
        assertEquals(Map.of("L1", fresh), leads.load("c1"));

        LeadState tried = new LeadState("c1", "L1", "+14155550100", 1, Disposition.NO_ANSWER, TestLegs.T0,
                TestLegs.T0.plusSeconds(3_600), false);
        LeadState second = new LeadState("c1", "L2", "+14155550101", 2, Disposition.ANSWERED, TestLegs.T0, null,
                true);
        leads.save(tried);
        leads.save(second);
        assertEquals(Map.of("L1", tried, "L2", second), leads.load("c1"));
        assertEquals(Map.of("L1", other), leads.load("c2"));
        assertTrue(leads.load("none").isEmpty());
    }
}
