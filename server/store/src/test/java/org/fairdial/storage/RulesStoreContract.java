package org.fairdial.storage;

import org.fairdial.ports.LeadRow;
import org.fairdial.ports.Denial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fairdial.compliance.AbandonHistory;
import org.fairdial.compliance.Rule;
import org.fairdial.ports.DoNotCallSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The V2 tables behind the dialing rules: denials, call history, do-not-call. Same tests on every database. */
abstract class RulesStoreContract extends StoreTestSupport {
    private static final Instant T0 = TestLegs.T0;

    @BeforeEach
    void emptyTables() {
        for (String table : List.of("dial_denial", "dial_attempt", "number_abandon", "do_not_call",
                "campaign_lead")) {
            StoreFixture.execute(dataSource(), "TRUNCATE TABLE " + table);
        }
    }

    @Test
    void migrationV2IsApplied() {
        assertEquals(1, StoreFixture.queryLong(dataSource(),
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2' AND success"));
    }

    @Test
    void denialsRoundTripAndCountByRule() {
        JdbcDenialRepository denials = new JdbcDenialRepository(dataSource());
        Denial dnc = new Denial(UUID.randomUUID(), "c1", "L1", "+390212345678", Rule.DO_NOT_CALL,
                "on do-not-call list internal", null, T0);
        Denial hours = new Denial(UUID.randomUUID(), "c1", "L2", "+390212345679", Rule.CALLING_HOURS,
                "Sun 2025-03-02 10:00 in Europe/Rome is outside the calling hours", T0.plusSeconds(3_600),
                T0.plusMillis(1));
        Denial other = new Denial(UUID.randomUUID(), "c2", null, "+390212345670", Rule.CALLING_HOURS, "x", null,
                T0);
        denials.recordAll(List.of(dnc, hours, other));
        denials.record(new Denial(UUID.randomUUID(), "c1", "L3", "+390212345671", Rule.CALLING_HOURS, "late", null,
                T0.plusSeconds(10)));
        assertEquals(List.of(dnc, hours), denials.find("c1", T0, T0.plusSeconds(10), 100));
        assertEquals(List.of(dnc), denials.find("c1", T0, T0.plusSeconds(10), 1));
        assertEquals(Map.of(Rule.DO_NOT_CALL, 1L, Rule.CALLING_HOURS, 2L),
                denials.countByRule("c1", T0, T0.plusSeconds(11)));
    }

    @Test
    void attemptsAcrossCampaignsSinceAnInstant() {
        JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(dataSource());
        String n = "+14155550100";
        history.recordAttempt(n, "c1", "L1", false, T0);
        history.recordAttempt(n, "c2", "X9", true, T0.plusSeconds(60));
        history.recordAttempt("+14155550101", "c1", "L2", false, T0.plusSeconds(30));
        assertEquals(List.of(T0, T0.plusSeconds(60)), history.attemptsSince(n, T0.minusMillis(1)));
        assertEquals(List.of(T0.plusSeconds(60)), history.attemptsSince(n, T0));
        assertEquals(2, history.purgeAttempts(T0.plusSeconds(30)));
        assertEquals(List.of(T0.plusSeconds(60)), history.attemptsSince(n, Instant.EPOCH));
    }

    @Test
    void abandonHistoryKeepsTheLatestOfEach() {
        JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(dataSource());
        String n = "+390212345678";
        assertEquals(AbandonHistory.NONE, history.abandons(n));
        history.recordAbandon(n, T0);
        history.recordAbandon(n, T0.minusSeconds(5));
        assertEquals(new AbandonHistory(T0, null), history.abandons(n));
        history.recordContact(n, T0.plus(Duration.ofDays(6)));
        history.recordAbandon(n, T0.plus(Duration.ofDays(7)));
        AbandonHistory h = history.abandons(n);
        assertEquals(new AbandonHistory(T0.plus(Duration.ofDays(7)), T0.plus(Duration.ofDays(6))), h);
        assertFalse(h.contactSinceAbandon());
        history.recordContact("+390200000000", T0);
        assertEquals(new AbandonHistory(null, T0), history.abandons("+390200000000"));
    }

    @Test
    void doNotCallScopes() {
        JdbcDoNotCallRepository dnc = new JdbcDoNotCallRepository(dataSource());
        String n = "+12125550100";
        assertNull(dnc.find(n, "c1"));
        assertTrue(dnc.add(n, "c1", DoNotCallSource.AGENT, "asked not to be called about c1", T0));
        assertFalse(dnc.add(n, "c1", DoNotCallSource.API, "again", T0), "the first entry is kept");
        assertEquals("c1", dnc.find(n, "c1"));
        assertNull(dnc.find(n, "c2"));
        assertTrue(dnc.add(n, JdbcDoNotCallRepository.INTERNAL, DoNotCallSource.OPT_OUT_KEYPRESS, null, T0));
        assertEquals(JdbcDoNotCallRepository.INTERNAL, dnc.find(n, "c2"));
        assertEquals(JdbcDoNotCallRepository.INTERNAL, dnc.find(n, "c1"));
        assertTrue(dnc.remove(n, JdbcDoNotCallRepository.INTERNAL));
        assertFalse(dnc.remove(n, JdbcDoNotCallRepository.INTERNAL));
        assertNull(dnc.find(n, "c2"));
    }

    @Test
    void leadsAreCompletedNotOverwrittenAndPagedById() {
        JdbcLeadRepository leads = new JdbcLeadRepository(db());
        LeadRow first = new LeadRow("c1", "+390212345678", "+390212345678", "02 1234 5678", 2, null, "Europe/Rome",
                null, null, Map.of());
        LeadRow later = new LeadRow("c1", "+390212345678", "+390212345678", "0212345678", 9, "Mario Rossi",
                "Europe/London", "web form", T0, Map.of("product", "gas & power", "note", "a=b"));
        LeadRow other = new LeadRow("c1", "+390212345679", "+390212345679", "02 1234 5679", 3, "Giulia", null,
                null, null, Map.of());
        LeadRow elsewhere = new LeadRow("c2", "+390212345678", "+390212345678", "x", 2, "C2", null, null, null,
                Map.of());
        leads.upsert(List.of(first, other, elsewhere));
        leads.upsert(List.of(later));
        LeadRow merged = new LeadRow("c1", "+390212345678", "+390212345678", "02 1234 5678", 2, "Mario Rossi",
                "Europe/Rome", "web form", T0, Map.of("product", "gas & power", "note", "a=b"));
        assertEquals(List.of(merged, other), leads.page("c1", null, 10));
        assertEquals(List.of(other), leads.page("c1", "+390212345678", 10));
        assertEquals(List.of(merged), leads.page("c1", null, 1));
        assertEquals(2, leads.count("c1"));
        assertEquals(List.of(elsewhere), leads.page("c2", null, 10));
    }
}
