package org.fairdial.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.compliance.Rule;
import org.fairdial.ports.Denial;
import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.ports.LeadRow;
import org.fairdial.ports.LeadState;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;
import org.fairdial.privacy.PersonalDataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest on each database: every repository finds a number through its blind index, a raw read of
 * every column of every table holds none of the test leads' digits, key rotation re-encrypts every row under the
 * new key (after which the old key can go), and a store written in clear before encryption was turned on is
 * refused by the start-up check until rotate-keys has encrypted it, after which everything is found again.
 */
abstract class EncryptedStoreContract extends StoreTestSupport {
    private static final String A = "+441632960001";
    private static final String B = "+441632960002";
    private static final String DIGITS_A = "1632960001";
    private static final String DIGITS_B = "1632960002";
    private static final Instant AT = Instant.parse("2025-06-02T08:00:00Z");

    @Override
    protected PersonalData personalData() {
        return TestKeys.encrypted("k1", "k1");
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                if (!table.equals("flyway_schema_history")) {
                    s.execute("DELETE FROM " + table);
                }
            }
        }
    }

    /** Writes both test leads everywhere the dialer writes a number, as {@code p} keeps them. */
    private void writeEverywhere(DataSource ds, PersonalData p) {
        boolean pg = db().isPostgres();
        for (String n : List.of(A, B)) {
            new JdbcLeadRepository(ds, pg, p).upsert(List.of(new LeadRow("c", n, n, "01632 " + n.substring(7), 2,
                    "Ada " + n.substring(10), null, "form", AT, Map.of("note", "call " + n))));
            new JdbcLeadStateRepository(ds, pg, p).save(new LeadState("c", n, n, 1, Disposition.ABANDONED, AT, null,
                    false));
            JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(ds, NumberMask.DEFAULT, p);
            history.recordAttempt(n, "c", n, false, AT);
            history.recordAbandon(n, AT);
            new JdbcDenialRepository(ds, p).recordAll(List.of(new Denial(UUID.randomUUID(), "c", n, n,
                    Rule.CALLING_HOURS, "outside calling hours", null, AT)));
            new JdbcDoNotCallRepository(ds, NumberMask.DEFAULT, p).add(n, "c", DoNotCallSource.API, "asked", AT);
            CdrLeg abandoned = TestLegs.distinct("c", UUID.randomUUID(), UUID.randomUUID(), n, AT);
            CdrLeg redial = TestLegs.distinct("c", UUID.randomUUID(), UUID.randomUUID(), n, AT.plusSeconds(600));
            new JdbcCdrRepository(ds, pg, p).insertBatch(List.of(withDisposition(abandoned, Disposition.ABANDONED),
                    redial));
        }
    }

    /** Every lookup by number, through the repositories as {@code p} keeps them. */
    private void everyLookupFinds(DataSource ds, PersonalData p) {
        boolean pg = db().isPostgres();
        Map<String, LeadState> states = new JdbcLeadStateRepository(ds, pg, p).load("c");
        assertEquals(A, states.get(A).number());
        assertEquals(B, states.get(B).leadId());
        List<LeadRow> leads = new JdbcLeadRepository(ds, pg, p).page("c", null, 10);
        assertEquals(2, leads.size());
        LeadRow first = leads.get(0);
        assertEquals("01632 " + first.number().substring(7), first.rawNumber());
        assertEquals(Map.of("note", "call " + first.number()), first.fields());
        assertEquals(1, new JdbcLeadRepository(ds, pg, p).page("c", first.leadId(), 10).size(), "paged by key");
        JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(ds, NumberMask.DEFAULT, p);
        assertEquals(List.of(AT), history.attemptsSince(A, AT.minusSeconds(1)));
        assertEquals(AT, history.abandons(B).lastAbandonAt());
        JdbcDoNotCallRepository dnc = new JdbcDoNotCallRepository(ds, NumberMask.DEFAULT, p);
        assertEquals("c", dnc.find(A, "c"));
        assertNull(dnc.find("+441632960003", "c"));
        List<String> barred = new ArrayList<>();
        dnc.forEachBarring("c", barred::add);
        assertEquals(List.of(A, B), barred.stream().sorted().toList());
        assertEquals(List.of(A, B), new JdbcDenialRepository(ds, p).find("c", AT, AT.plusSeconds(1), 10).stream()
                .map(Denial::number).sorted().toList());
        JdbcCdrRepository cdrs = new JdbcCdrRepository(ds, pg, p);
        List<CdrLeg> legs = cdrs.find(AT.minusSeconds(1), AT.plusSeconds(3600), "c", A, 10);
        assertEquals(2, legs.size());
        assertEquals("sip:" + A + "@trunk.test;user=phone", legs.get(0).toUri());
        assertEquals(A, legs.get(0).leadId());
        assertEquals(2, new JdbcComplianceRepository(ds, pg).redialsInLockout("c", Duration.ofHours(1)).size(),
                "the redial report groups by the blind index");
    }

    @Test
    void everyLookupGoesThroughTheBlindIndexAndNoColumnHoldsTheDigits() throws SQLException {
        writeEverywhere(dataSource(), personalData());
        everyLookupFinds(dataSource(), personalData());
        assertEquals(List.of(), columnsHoldingDigits());
        assertEquals(Map.of(), new KeyRotation(db()).plaintextRows());
    }

    @Test
    void rotationReEncryptsEveryRowUnderTheNewKeyAfterWhichTheOldKeyCanGo() throws SQLException {
        writeEverywhere(dataSource(), personalData());
        PersonalData both = TestKeys.encrypted("k2", "k1", "k2");
        KeyRotation.Result r = new KeyRotation(dataSource(), both).rotate(3);
        assertEquals(4 + 2 + 2 + 2, r.rewritten().get("cdr_leg") + r.rewritten().get("lead_state")
                + r.rewritten().get("campaign_lead") + r.rewritten().get("dial_denial"), r.toString());
        assertEquals(0, r.rewritten().get("number_abandon"), "an index does not depend on the data key");
        assertEquals(0, new KeyRotation(dataSource(), both).rotate(3).total(), "nothing left to do");
        assertTrue(envelopes().stream().allMatch(e -> e.startsWith("enc1:k2:")), envelopes().toString());
        PersonalData onlyNew = TestKeys.encrypted("k2", "k2");
        everyLookupFinds(dataSource(), onlyNew);
        assertEquals(List.of(), columnsHoldingDigits());
    }

    @Test
    void aMissingKeyIsAClearErrorNeverGarbage() {
        writeEverywhere(dataSource(), personalData());
        PersonalData other = TestKeys.encrypted("k2", "k2");
        PersonalDataException e = assertThrows(PersonalDataException.class,
                () -> new JdbcLeadStateRepository(dataSource(), db().isPostgres(), other).load("c"));
        assertTrue(e.getMessage().contains("key id 'k1'"), e.getMessage());
        assertFalse(e.getMessage().contains(DIGITS_A), e.getMessage());
        PersonalDataException off = assertThrows(PersonalDataException.class,
                () -> new JdbcCdrRepository(dataSource(), db().isPostgres(), PersonalData.PLAINTEXT).recent(1));
        assertTrue(off.getMessage().contains("encryption is off"), off.getMessage());
    }

    @Test
    void aStoreWrittenInClearIsEncryptedByRotationAndFoundAgain() throws SQLException {
        writeEverywhere(dataSource(), PersonalData.PLAINTEXT);
        assertFalse(columnsHoldingDigits().isEmpty(), "in clear before");
        KeyRotation rotation = new KeyRotation(db());
        Map<String, Long> clear = rotation.plaintextRows();
        assertEquals(List.of("cdr_leg", "lead_state", "campaign_lead", "dial_denial", "dial_attempt",
                "number_abandon", "do_not_call"), List.copyOf(clear.keySet()), clear.toString());
        // Reads accept plaintext rows while they wait: a row read by key is as it was written.
        assertEquals(A, new JdbcCdrRepository(db()).recent(10).stream().filter(l -> A.equals(l.normalizedNumber()))
                .findFirst().orElseThrow().toUri().substring(4, 17));
        assertTrue(rotation.rotate(2).total() > 0);
        assertEquals(Map.of(), rotation.plaintextRows());
        assertEquals(List.of(), columnsHoldingDigits());
        everyLookupFinds(dataSource(), personalData());
    }

    private static CdrLeg withDisposition(CdrLeg l, Disposition d) {
        return new CdrLeg(l.legId(), l.callId(), l.kind(), l.campaign(), l.leadId(), l.dialedNumber(),
                l.normalizedNumber(), l.fromUri(), l.toUri(), l.callerId(), l.trunk(), l.agent(), l.sipCallId(),
                l.createdAt(), l.ringingAt(), l.answeredAt(), l.bridgedAt(), l.endedAt(), l.postDialDelayMs(),
                l.earlyMedia(), l.ringMs(), l.talkMs(), d, l.sipCode(), l.sipReason(), l.q850Cause(), l.hangupSide(),
                l.abandonTreatment(), l.abandonTreatmentMs(), l.rtpSent(), l.rtpReceived(), l.rtpLost());
    }

    /** Every column of every table, read raw, that holds the digits of a test lead. */
    private List<String> columnsHoldingDigits() throws SQLException {
        List<String> found = new ArrayList<>();
        forEveryValue((place, value) -> {
            if (value.contains(DIGITS_A) || value.contains(DIGITS_B)) {
                found.add(place + " = " + value);
            }
        });
        return found;
    }

    /** Every envelope stored anywhere. */
    private List<String> envelopes() throws SQLException {
        List<String> found = new ArrayList<>();
        forEveryValue((place, value) -> {
            if (value.startsWith("enc1:")) {
                found.add(value.substring(0, 9));
            }
        });
        assertFalse(found.isEmpty());
        return found;
    }

    private void forEveryValue(java.util.function.BiConsumer<String, String> each) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (value != null) {
                                each.accept(table + "." + rs.getMetaData().getColumnName(i), value);
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.contains("cdr_leg") && tables.contains("do_not_call"), "tables found: " + tables);
        return tables;
    }
}
