package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fairdial.compliance.Rule;
import org.fairdial.ports.Denial;
import org.fairdial.storage.JdbcDenialRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.fairdial.ports.DoNotCallSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules against real traffic: of four leads, one on the do-not-call list, one whose local time is outside the
 * calling hours and one in a redial lockout are never dialed (SIPp sees one INVITE only), and each refusal is
 * recorded with its rule.
 */
@Timeout(90)
class DialingRulesIT {
    private static final String ALLOWED = "+390299000060";
    private static final String LISTED = "+390299000061";
    private static final String NIGHT_THERE = "+390299000062";
    private static final String LOCKED = "+390299000063";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void leadsOnTheListOutsideHoursOrLockedOutAreNeverDialedAndEachDenialIsRecorded() throws Exception {
        // A two-hour window around now in UTC; the third lead lives six hours east, where it is outside it.
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        String window = String.format("mon-sun %02d:00-%s", hour, hour >= 22 ? "24:00"
                : String.format("%02d:00", hour + 2));
        String leads = "number,name,tz\n" + ALLOWED + ",Allowed,UTC\n" + LISTED + ",Listed,UTC\n" + NIGHT_THERE
                + ",Far away,Asia/Dhaka\n" + LOCKED + ",Locked,UTC\n";
        try (TestDialer dialer = TestDialer.in(dir).leadFile(leads).extra("""
                dialer.campaigns.it.calling-hours = ["%s"]
                dialer.campaigns.it.lead-columns.time-zone = "tz"
                """.formatted(window)).start()) {
            dialer.server.doNotCall().addInternal(LISTED, DoNotCallSource.API, "callee asked", Instant.now());
            new JdbcDialHistoryRepository(dialer.server.database().dataSource()).recordAbandon(LOCKED,
                    Instant.now().minus(Duration.ofHours(1)));
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-reject.xml", 1,
                    Map.of("code", "486", "reason", "Busy Here", "q850", "17"));

            for (String number : List.of(ALLOWED, LISTED, NIGHT_THERE, LOCKED)) {
                dialer.campaign().dialNow(number).get();
            }
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            List<String> invited = customer.messages().stream().filter(m -> !m.sent() && m.isRequest("INVITE"))
                    .map(m -> m.firstLine().split("[:@]")[1]).distinct().toList();
            assertEquals(List.of(ALLOWED), invited);

            Map<String, Rule> denied = new JdbcDenialRepository(dialer.server.database().dataSource())
                    .find("it", Instant.EPOCH, Instant.now().plusSeconds(60), 100).stream()
                    .collect(Collectors.toMap(Denial::number, Denial::rule, (a, b) -> a));
            assertEquals(Map.of(LISTED, Rule.DO_NOT_CALL, NIGHT_THERE, Rule.CALLING_HOURS, LOCKED,
                    Rule.REDIAL_LOCKOUT), denied);
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
