package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade: every rule in order, the first denial wins, facts are looked up only when needed. */
class DialPermissionTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Tuesday 2025-06-10 11:00 in Rome. */
    private static final Instant OPEN = Instant.parse("2025-06-10T09:00:00Z");
    private static final String NUMBER = "+390212345678";

    private static DialingRules rules(boolean consent, FrequencyCap cap) {
        return new DialingRules(new CallingWindow(WeeklyHours.parse(List.of("mon-fri 09:00-20:00")), Holidays.NONE),
                null, new ConsentRule(consent), new RedialLockout(Duration.ofDays(5), false, true), cap,
                new RetryRules(3, Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1),
                        Duration.ofDays(1)));
    }

    /** Facts answered from fields; records which were asked. */
    private static final class Facts implements NumberFacts {
        String dnc;
        AbandonHistory abandons = AbandonHistory.NONE;
        List<Instant> attempts = List.of();
        final List<String> asked = new ArrayList<>();

        @Override
        public String doNotCallList(String e164) {
            asked.add("dnc");
            return dnc;
        }

        @Override
        public AbandonHistory abandons(String e164) {
            asked.add("abandons");
            return abandons;
        }

        @Override
        public List<Instant> attemptsSince(String e164, Instant since) {
            asked.add("attempts");
            return attempts;
        }
    }

    private static Rule deniedBy(Decision d) {
        return assertInstanceOf(Decision.Deny.class, d).rule();
    }

    @Test
    void allowsWhenEveryRuleAllows() {
        Facts facts = new Facts();
        DialPermission p = new DialPermission(rules(false, new FrequencyCap(3, Duration.ofDays(7))));
        assertTrue(p.check(new LeadFacts(NUMBER, null, null, 0, null), facts, OPEN, false).allowed());
        assertEquals(List.of("dnc", "abandons", "attempts"), facts.asked);
    }

    @Test
    void consentComesFirstAndSkipsEveryLookUp() {
        Facts facts = new Facts();
        facts.dnc = "internal";
        DialPermission p = new DialPermission(rules(true, FrequencyCap.NONE));
        assertEquals(Rule.CONSENT, deniedBy(p.check(new LeadFacts(NUMBER, null, null, 0, null), facts, OPEN, false)));
        assertEquals(List.of(), facts.asked);
        Consent given = new Consent("web form", OPEN.minusSeconds(3_600));
        assertEquals(Rule.DO_NOT_CALL, deniedBy(p.check(new LeadFacts(NUMBER, null, given, 0, null), facts, OPEN,
                false)));
    }

    @Test
    void doNotCallBeatsEverythingButConsent() {
        Facts facts = new Facts();
        facts.dnc = "registry:it-rpo";
        DialPermission p = new DialPermission(rules(false, FrequencyCap.NONE));
        Decision.Deny d = assertInstanceOf(Decision.Deny.class,
                p.check(new LeadFacts(NUMBER, null, null, 3, null), facts, Instant.parse("2025-06-08T09:00:00Z"),
                        false));
        assertEquals(Rule.DO_NOT_CALL, d.rule());
        assertTrue(d.reason().contains("registry:it-rpo"), d.reason());
    }

    @Test
    void orderOfThePostponingRules() {
        Facts facts = new Facts();
        facts.abandons = new AbandonHistory(OPEN.minus(Duration.ofDays(1)), null);
        facts.attempts = List.of(OPEN.minusSeconds(60), OPEN.minusSeconds(120));
        DialPermission p = new DialPermission(rules(false, new FrequencyCap(2, Duration.ofDays(1))));
        LeadFacts retrying = new LeadFacts(NUMBER, null, null, 1, OPEN.plusSeconds(60));
        assertEquals(Rule.RETRY_DELAY, deniedBy(p.check(retrying, facts, OPEN, false)));
        LeadFacts fresh = new LeadFacts(NUMBER, ROME, null, 1, null);
        assertEquals(Rule.CALLING_HOURS, deniedBy(p.check(fresh, facts, Instant.parse("2025-06-10T19:00:00Z"),
                false)));
        assertEquals(Rule.REDIAL_LOCKOUT, deniedBy(p.check(fresh, facts, OPEN, true)));
        facts.abandons = AbandonHistory.NONE;
        assertEquals(Rule.FREQUENCY_CAP, deniedBy(p.check(fresh, facts, OPEN, false)));
        facts.attempts = List.of();
        assertTrue(p.check(fresh, facts, OPEN, false).allowed());
    }
}
