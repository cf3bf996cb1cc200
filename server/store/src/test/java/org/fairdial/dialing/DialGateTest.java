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

/**
 * The gate the live dialer calls, over a real (H2) store and a manual clock: the denials the issue names (DNC,
 * outside hours, lockout, cap, consent) are returned and recorded; outcomes feed the lockout across campaigns.
 */
class DialGateTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Tuesday 2025-06-10 11:00 in Rome. */
    private static final Instant OPEN = LocalDateTime.parse("2025-06-10T11:00:00").atZone(ROME).toInstant();

    @TempDir
    static Path dir;
    private static Database db;
    private JdbcDenialRepository denials;
    private JdbcDoNotCallRepository internal;
    private JdbcDialHistoryRepository history;

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
        denials = new JdbcDenialRepository(db.dataSource());
        internal = new JdbcDoNotCallRepository(db.dataSource());
        history = new JdbcDialHistoryRepository(db.dataSource());
    }

    private static JurisdictionProfile garante() {
        return new JurisdictionProfile("it-garante", 0.03, Duration.ofSeconds(3), null, Duration.ofDays(5),
                Duration.ofSeconds(15), WeeklyHours.parse(List.of("mon-fri 09:00-20:00", "sat 10:00-19:00")),
                Holidays.NONE, false, true, false, FrequencyCap.NONE, false);
    }

    private static CampaignConfig campaign(String name, boolean consent, FrequencyCap cap) {
        JurisdictionProfile p = garante();
        DialingRules rules = new DialingRules(new CallingWindow(p.callingHours(), p.holidays()), null,
                new ConsentRule(consent), p.lockout(), cap, new RetryRules(3, Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(1)));
        return new CampaignConfig(name, true, "carrier", Path.of("leads.csv"), "IT",
                new CallerId("+390212345678", "ACME", false), p, null, PacingMode.PROGRESSIVE, 1.0, Duration.ofSeconds(25),
                Duration.ofSeconds(2), Duration.ofSeconds(5), new AbandonConfig(Duration.ofSeconds(3),
                Duration.ofMillis(200)), rules, LeadColumns.DEFAULT, new DoNotCall(List.of(), List.of("it-rpo")));
    }

    private DialGate gate(CampaignConfig c) {
        DoNotCallLists lists = new DoNotCallLists(Map.of("it-rpo", CompactNumberSet.of(E164.toLong("+390299999999"))),
                Map.of(c.name(), List.of(CompactNumberSet.of(E164.toLong("+390288888888")))), internal);
        LeadBook book = new LeadBook(c, new JdbcLeadStateRepository(db), new JdbcCdrRepository(db.dataSource()));
        return new DialGate(book, lists, history, denials, NumberMask.DEFAULT);
    }

    private static Lead lead(String e164) {
        return new Lead(e164, 2, e164, e164, "Callee");
    }

    private static Rule deniedBy(Decision d) {
        return assertInstanceOf(Decision.Deny.class, d).rule();
    }

    /**
     * After a privacy erasure of someone who opted out, the internal list holds only their number's hash: the
     * number is still refused, and it is nowhere in the table in clear.
     */
    @Test
    void anOptOutKeptOnlyAsAHashStillBarsTheNumber() {
        String number = "+390277777777";
        DoNotCallLists lists = new DoNotCallLists(Map.of(), Map.of(), internal);
        NumberHasher hasher = new NumberHasher(new byte[32]);
        lists.matchHashedWith(hasher);
        assertTrue(lists.optOutRegistry().recordOptOut(hasher.hash(number), OPEN));
        assertEquals("internal", lists.matchAny(number));
        assertEquals(0, StoreFixture.queryLong(db.dataSource(),
                "SELECT COUNT(*) FROM do_not_call WHERE number = '" + number + "'"));
        assertEquals(null, lists.matchAny("+390277777778"));
    }

    @Test
    void everyDoNotCallListIsCheckedAndEachDenialRecorded() {
        DialGate gate = gate(campaign("c1", false, FrequencyCap.NONE));
        assertEquals(Rule.DO_NOT_CALL, deniedBy(gate.check(lead("+390299999999"), OPEN, false)));
        assertEquals(Rule.DO_NOT_CALL, deniedBy(gate.check(lead("+390288888888"), OPEN, false)));
        assertTrue(gate.check(lead("+390277777777"), OPEN, false).allowed());
        internal.add("+390277777777", JdbcDoNotCallRepository.INTERNAL, DoNotCallSource.AGENT,
                "asked during the call", OPEN);
        assertEquals(Rule.DO_NOT_CALL, deniedBy(gate.check(lead("+390277777777"), OPEN, false)));

        var rows = denials.find("c1", OPEN, OPEN.plusSeconds(1), 10);
        assertEquals(3, rows.size());
        assertEquals(Set.of("on do-not-call list registry:it-rpo", "on do-not-call list campaign-list",
                "on do-not-call list internal"), rows.stream().map(r -> r.reason()).collect(
                Collectors.toSet()));
        assertEquals("+390277777777", rows.stream().filter(r -> r.reason().endsWith("internal")).findFirst()
                .orElseThrow().number());
        assertEquals(Map.of(Rule.DO_NOT_CALL, 3L), denials.countByRule("c1", OPEN, OPEN.plusSeconds(1)));
    }

    @Test
    void outsideHoursIsDeniedWithTheNextOpening() {
        DialGate gate = gate(campaign("c1", false, FrequencyCap.NONE));
        Instant evening = LocalDateTime.parse("2025-06-10T20:30:00").atZone(ROME).toInstant();
        Decision.Deny d = assertInstanceOf(Decision.Deny.class, gate.check(lead("+390212345678"), evening, false));
        assertEquals(Rule.CALLING_HOURS, d.rule());
        assertEquals(LocalDateTime.parse("2025-06-11T09:00:00").atZone(ROME).toInstant(), d.retryAt());
        assertEquals(d.retryAt(), denials.find("c1", evening, evening.plusSeconds(1), 1).get(0).retryAt());
    }

    @Test
    void abandonLocksTheNumberForOtherCampaignsTooThenNeedsAnAgent() {
        DialGate first = gate(campaign("c1", false, FrequencyCap.NONE));
        DialGate second = gate(campaign("c2", false, FrequencyCap.NONE));
        Lead lead = lead("+390212345678");
        assertTrue(first.check(lead, OPEN, false).allowed());
        first.dialing(lead, OPEN, false);
        Instant next = first.outcome(lead, TestLegs.customer("c1", Disposition.ABANDONED, OPEN), OPEN);
        assertEquals(OPEN.plus(Duration.ofDays(5)), next, "retry waits for the lockout");

        Instant fourDays = OPEN.plus(Duration.ofDays(4));
        assertEquals(Rule.REDIAL_LOCKOUT, deniedBy(second.check(lead, fourDays, true)));
        Instant sixDays = LocalDateTime.parse("2025-06-16T11:00:00").atZone(ROME).toInstant();
        assertEquals(Rule.AGENT_REQUIRED, deniedBy(second.check(lead, sixDays, false)));
        assertTrue(second.check(lead, sixDays, true).allowed());
        second.dialing(lead, sixDays, true);
        second.outcome(lead, TestLegs.customer("c2", Disposition.ANSWERED, sixDays), sixDays);
        assertEquals(Rule.MAX_ATTEMPTS, deniedBy(second.check(lead, sixDays.plusSeconds(60), false)),
                "reached: done for c2");
        assertTrue(first.check(lead, sixDays.plus(Duration.ofDays(1)), false).allowed(),
                "an agent has spoken to the callee since the abandon");
    }

    @Test
    void frequencyCapCountsEveryCampaignsCalls() {
        FrequencyCap twoADay = new FrequencyCap(2, Duration.ofDays(1));
        DialGate first = gate(campaign("c1", false, twoADay));
        DialGate second = gate(campaign("c2", false, twoADay));
        Lead lead = lead("+390212345678");
        first.dialing(lead, OPEN, false);
        first.outcome(lead, TestLegs.customer("c1", Disposition.BUSY, OPEN), OPEN);
        second.dialing(lead, OPEN.plusSeconds(60), false);
        Decision.Deny d = assertInstanceOf(Decision.Deny.class, first.check(lead, OPEN.plus(Duration.ofHours(2)),
                false));
        assertEquals(Rule.FREQUENCY_CAP, d.rule());
        assertEquals(OPEN.plus(Duration.ofDays(1)), d.retryAt());
    }

    @Test
    void consentAndRetryDelayComeFromTheLeadAndItsState() {
        DialGate gate = gate(campaign("c1", true, FrequencyCap.NONE));
        Lead without = lead("+390212345678");
        assertEquals(Rule.CONSENT, deniedBy(gate.check(without, OPEN, false)));
        Lead with = new Lead("+390212345679", 3, "02 1234 5679", "+390212345679", "B", null,
                new Consent("web form", OPEN.minusSeconds(86_400)), Map.of());
        assertTrue(gate.check(with, OPEN, false).allowed());
        gate.dialing(with, OPEN, false);
        Instant next = gate.outcome(with, TestLegs.customer("c1", Disposition.NO_ANSWER, OPEN), OPEN);
        assertEquals(OPEN.plus(Duration.ofHours(1)), next);
        Decision.Deny early = assertInstanceOf(Decision.Deny.class, gate.check(with, OPEN.plusSeconds(60), false));
        assertEquals(Rule.RETRY_DELAY, early.rule());
        assertEquals(next, early.retryAt());
        var recorded = denials.find("c1", OPEN, OPEN.plusSeconds(61), 10);
        assertEquals(List.of(Rule.CONSENT, Rule.RETRY_DELAY), recorded.stream().map(r -> r.rule()).toList());
        assertEquals("+390212345678", recorded.get(0).leadId());
        assertNull(recorded.get(0).retryAt(), "no consent: asking again will not help");
    }

    /**
     * A stale registry (Italy RPO: 15 days under the Garante profile) makes every lead wait with {@code
     * dnc-registry-stale}, recorded in the store like any denial; after a fresh download the same lead is allowed.
     */
    @Test
    void aStaleRegistryDeniesEveryLeadAndTheDenialIsRecorded() {
        JurisdictionProfile g = garante();
        JurisdictionProfile rpo = new JurisdictionProfile(g.name(), g.abandonRateCap(), g.abandonMaxDuration(),
                g.promptStartMax(), g.redialLockout(), g.minRingTime(), g.callingHours(), g.holidays(),
                g.lockoutAgentExempt(), g.agentRequiredAfterLockout(), g.consentRequired(), g.frequencyCap(),
                g.callerIdNationalRate(), Duration.ofDays(15));
        CampaignConfig base = campaign("rpo", false, FrequencyCap.NONE);
        CampaignConfig c = new CampaignConfig(base.name(), true, base.trunk(), base.leadsFile(), base.defaultRegion(),
                base.callerId(), rpo, null, base.pacing(), base.dialRatio(), base.ringTimeout(),
                base.agentConnectTimeout(), base.wrapUp(), base.abandon(), base.rules(), base.leadColumns(),
                base.doNotCall());
        Map<String, CompactNumberSet> registry = Map.of("it-rpo", CompactNumberSet.of(E164.toLong("+390299999999")));
        LeadBook book = new LeadBook(c, new JdbcLeadStateRepository(db), new JdbcCdrRepository(db.dataSource()));
        Instant downloaded = OPEN.minus(Duration.ofDays(16));
        DialGate stale = new DialGate(book, new DoNotCallLists(registry, Map.of("it-rpo", downloaded), Map.of(),
                internal), history, denials, NumberMask.DEFAULT);

        Decision.Deny deny = assertInstanceOf(Decision.Deny.class, stale.check(lead("+390211111111"), OPEN, false));
        assertEquals(Rule.DNC_REGISTRY_STALE, deny.rule());
        assertTrue(deny.reason().startsWith("dnc-registry-stale: registry it-rpo was downloaded " + downloaded
                + ", 16.0 days ago, over the 15d limit of profile it-garante"), deny.reason());
        assertEquals(OPEN.plus(Duration.ofMinutes(1)), deny.retryAt());
        List<org.fairdial.ports.Denial> stored = denials.find("rpo", OPEN, OPEN.plusSeconds(1), 10);
        assertEquals(1, stored.size());
        assertEquals(Rule.DNC_REGISTRY_STALE, stored.get(0).rule());
        assertEquals(deny.reason(), stored.get(0).reason());
        assertEquals(Map.of(Rule.DNC_REGISTRY_STALE, 1L), denials.countByRule("rpo", OPEN, OPEN.plusSeconds(1)));

        DialGate fresh = new DialGate(book, new DoNotCallLists(registry, Map.of("it-rpo", OPEN.minus(
                Duration.ofDays(2))), Map.of(), internal), history, denials, NumberMask.DEFAULT);
        assertTrue(fresh.check(lead("+390211111111"), OPEN, false).allowed());
        assertEquals(Rule.DO_NOT_CALL, deniedBy(fresh.check(lead("+390299999999"), OPEN, false)));
        DialGate undated = new DialGate(book, new DoNotCallLists(registry, Map.of(), internal), history, denials,
                NumberMask.DEFAULT);
        assertEquals(Rule.DNC_REGISTRY_STALE, deniedBy(undated.check(lead("+390211111111"), OPEN, false)));
    }
}
