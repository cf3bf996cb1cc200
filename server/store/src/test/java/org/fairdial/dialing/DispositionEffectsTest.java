package org.fairdial.dialing;

import org.fairdial.ports.DoNotCallSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fairdial.cdr.Disposition;
import org.fairdial.compliance.CallingWindow;
import org.fairdial.compliance.Consent;
import org.fairdial.compliance.ConsentRule;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.DialingRules;
import org.fairdial.compliance.FrequencyCap;
import org.fairdial.compliance.Holidays;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.compliance.RetryRules;
import org.fairdial.compliance.Rule;
import org.fairdial.compliance.WeeklyHours;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.CampaignConfig.AbandonConfig;
import org.fairdial.config.CampaignConfig.CallerId;
import org.fairdial.config.CampaignConfig.DoNotCall;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.config.PacingMode;
import org.fairdial.dialing.dnc.CompactNumberSet;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.dialing.dnc.E164;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.NumberMask;
import org.fairdial.storage.Database;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcDenialRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.fairdial.storage.JdbcDoNotCallRepository;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.OfcomAbandonRule;
import org.fairdial.ports.LeadState;
import org.fairdial.testkit.ManualTime;
import java.time.ZoneOffset;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 9: what an agent's disposition does, over a real (H2) store and a manual clock: DNC bars the number at once,
 * CALLBACK is dialed no earlier than asked and only within calling hours, NO_CONSENT bars the number from every
 * campaign needing consent, ANSWERING_MACHINE enters Ofcom's formula; the code is kept with the lead.
 */
class DispositionEffectsTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Friday 2025-06-13 19:50 in Rome, ten minutes before the calling hours end. */
    private static final Instant FRIDAY_LATE = LocalDateTime.parse("2025-06-13T19:50:00").atZone(ROME).toInstant();

    @TempDir
    static Path dir;
    private static Database db;
    private final ManualTime time = new ManualTime(FRIDAY_LATE);
    private JdbcDoNotCallRepository internal;

    @BeforeAll
    static void open() {
        db = Database.open(new H2Fixture(dir).config());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyTables() {
        for (String table : List.of("dial_denial", "dial_attempt", "number_abandon", "do_not_call", "lead_state")) {
            StoreFixture.execute(db.dataSource(), "TRUNCATE TABLE " + table);
        }
        internal = new JdbcDoNotCallRepository(db.dataSource());
    }

    @Test
    void dncPutsTheNumberOnTheInternalListAtOnceForEveryCampaign() {
        DialGate c1 = gate(campaign("c1", false));
        Lead lead = lead("+390277700001");
        c1.dialing(lead, time.instant(), true);
        assertNull(c1.disposed(lead, "DNC", "1001", null, time.instant()), "the lead is done");
        assertEquals(Rule.DO_NOT_CALL, deniedBy(gate(campaign("c2", false)).check(lead, time.instant(), false)));
        LeadState stored = new JdbcLeadStateRepository(db).load("c1").get(lead.id());
        assertEquals("DNC", stored.agentDisposition());
        assertTrue(stored.done());
    }

    @Test
    void aCallbackIsDialedNoEarlierThanAskedAndOnlyWithinCallingHours() {
        DialGate gate = gate(campaign("c1", false));
        Lead lead = lead("+390277700002");
        gate.dialing(lead, time.instant(), true);
        Instant asked = FRIDAY_LATE.plus(Duration.ofMinutes(70)); // 21:00, after the hours
        assertEquals(asked, gate.disposed(lead, "CALLBACK", "1001", asked, time.instant()));
        LeadState stored = new JdbcLeadStateRepository(db).load("c1").get(lead.id());
        assertEquals("CALLBACK", stored.agentDisposition());
        assertFalse(stored.done());
        assertEquals(asked, stored.nextEligibleAt());

        time.advance(Duration.ofMinutes(5));
        assertFalse(gate.check(lead, time.instant(), false).allowed(), "not before the time asked");
        time.advance(Duration.ofMinutes(65)); // 21:00: asked for, but the calling hours are over
        Decision.Deny late = assertInstanceOf(Decision.Deny.class, gate.check(lead, time.instant(), false));
        assertEquals(Rule.CALLING_HOURS, late.rule());
        assertEquals(LocalDateTime.parse("2025-06-14T10:00:00").atZone(ROME).toInstant(), late.retryAt(),
                "Saturday's opening");
        time.advance(Duration.between(time.instant(), late.retryAt()));
        assertTrue(gate.check(lead, time.instant(), false).allowed());
    }

    @Test
    void aCallbackAskedForOutsideCallingHoursIsDueAtTheirNextOpening() {
        DialGate gate = gate(campaign("c1", false));
        Lead lead = lead("+390277700005");
        Instant inside = FRIDAY_LATE.plus(Duration.ofMinutes(5));
        assertEquals(inside, gate.callbackDue(lead, inside), "19:55: inside, kept");
        Instant saturday = LocalDateTime.parse("2025-06-14T10:00:00").atZone(ROME).toInstant();
        assertEquals(saturday, gate.callbackDue(lead, FRIDAY_LATE.plus(Duration.ofMinutes(70))), "21:00: Saturday");
        assertEquals(saturday, gate.callbackDue(lead, saturday), "the opening minute itself is inside");
    }

    @Test
    void noConsentBarsTheNumberFromEveryCampaignNeedingConsent() {
        Lead lead = new Lead("+390277700003", 2, "+390277700003", "+390277700003", "Callee", ROME,
                new Consent("web form", FRIDAY_LATE.minus(Duration.ofDays(30))), Map.of());
        DialGate first = gate(campaign("c1", true));
        assertTrue(first.check(lead, time.instant(), false).allowed(), "consent recorded in the list");
        first.dialing(lead, time.instant(), true);
        assertNull(first.disposed(lead, "NO_CONSENT", "1001", null, time.instant()));
        assertTrue(new JdbcLeadStateRepository(db).load("c1").get(lead.id()).noConsent());

        assertEquals(Rule.CONSENT, deniedBy(gate(campaign("c2", true)).check(lead, time.instant(), false)),
                "another campaign needing consent");
        assertTrue(gate(campaign("c3", false)).check(lead, time.instant(), false).allowed(),
                "a campaign that needs no consent may still call");
    }

    @Test
    void answeringMachinesReportedByAgentsEnterOfcomsFormula() {
        AbandonAccountant accountant = new AbandonAccountant(new OfcomAbandonRule(0.03, ZoneOffset.UTC));
        for (int i = 0; i < 100; i++) {
            accountant.connected(time.instant());
        }
        for (int i = 0; i < 4; i++) {
            accountant.abandoned(time.instant());
        }
        var day = accountant.rule().windows().get(0);
        double without = accountant.rate(day, time.instant());
        for (int i = 0; i < 25; i++) { // agents disposed of 25 calls as ANSWERING_MACHINE
            accountant.machine(time.instant());
        }
        double with = accountant.rate(day, time.instant());
        assertEquals(4.0 / 104, without, 1e-9);
        double adjusted = 4 * (1 - 25.0 / 125); // D' = D (1 - M / (M + L))
        assertEquals(adjusted / (adjusted + 100), with, 1e-9);
        assertTrue(accountant.headroom(time.instant(), 0) > 3.09 - 4 + 0.5, "machines give the pacer room back");
    }

    private DialGate gate(CampaignConfig c) {
        DoNotCallLists lists = new DoNotCallLists(Map.of(), Map.of(), internal);
        LeadBook book = new LeadBook(c, new JdbcLeadStateRepository(db), new JdbcCdrRepository(db.dataSource()));
        return new DialGate(book, lists, new JdbcDialHistoryRepository(db.dataSource()),
                new JdbcDenialRepository(db.dataSource()), NumberMask.DEFAULT);
    }

    private static CampaignConfig campaign(String name, boolean consent) {
        JurisdictionProfile p = new JurisdictionProfile("it-garante", 0.03, Duration.ofSeconds(3), null,
                Duration.ofDays(5), Duration.ofSeconds(15),
                WeeklyHours.parse(List.of("mon-fri 09:00-20:00", "sat 10:00-19:00")), Holidays.NONE, false, true,
                false, FrequencyCap.NONE, false);
        DialingRules rules = new DialingRules(new CallingWindow(p.callingHours(), p.holidays()), ROME,
                new ConsentRule(consent), p.lockout(), FrequencyCap.NONE, new RetryRules(3, Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(1)));
        return new CampaignConfig(name, true, "carrier", Path.of("leads.csv"), "IT",
                new CallerId("+390212345678", "ACME", false), p, null, PacingMode.PROGRESSIVE, 1.0,
                Duration.ofSeconds(25), Duration.ofSeconds(2), Duration.ofSeconds(5),
                new AbandonConfig(Duration.ofSeconds(3), Duration.ofMillis(200)), rules, LeadColumns.DEFAULT,
                new DoNotCall(List.of(), List.of()));
    }

    private static Lead lead(String e164) {
        return new Lead(e164, 2, e164, e164, "Callee");
    }

    private static Rule deniedBy(Decision d) {
        return assertInstanceOf(Decision.Deny.class, d).rule();
    }
}
