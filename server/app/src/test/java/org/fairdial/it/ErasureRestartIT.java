package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.ports.LeadState;
import org.fairdial.privacy.erasure.PrivacyEraser;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcDoNotCallRepository;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 9 end to end: one number erased ({@code privacy erase}, while the dialer is down) and one that opted out
 * are not dialed after a restart on the same lead list, and the attempts of the others survive the restart.
 */
@Timeout(120)
class ErasureRestartIT {
    private static final String ERASED = "+390299000070";
    private static final String OPTED_OUT = "+390299000071";
    private static final String DIALED = "+390299000072";
    private static final String FRESH = "+390299000073";
    /** A row refused as no phone number, written with spaces, which a digit-run scrubber would not see. */
    private static final String TOO_LONG = "+39 02 9900 0074 5555 5555 55";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void anErasedAndAnOptedOutNumberAreNotDialedAfterARestartWithTheSameList() throws Exception {
        TestDialer.Builder.Ports ports = TestDialer.in(dir).leadFile("number,name\n" + ERASED + ",Erased\n"
                + OPTED_OUT + ",Opted out\n" + DIALED + ",Dialed\n" + FRESH + ",Fresh\n" + TOO_LONG + ",Typo\n")
                .writeConfig();
        Map<String, String> busy = Map.of("code", "486", "reason", "Busy Here", "q850", "17");
        try (TestDialer dialer = TestDialer.start(ports)) {
            Sipp customer = SippPeers.customer(dir, "before", dialer, "customer-reject.xml", 3, busy);
            for (String number : List.of(ERASED, OPTED_OUT, DIALED)) {
                assertTrue(dialer.campaign().dialNow(number).get(), number + " dialed");
            }
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            assertEquals(List.of(ERASED, OPTED_OUT, DIALED), invited(customer));
            // The callee said "never call me again" (an agent's disposition, the keypress or the API).
            dialer.server.doNotCall().addInternal(OPTED_OUT, DoNotCallSource.AGENT, "asked not to be called",
                    Instant.now());
            TestDialer.await("the attempts stored", Duration.ofSeconds(10), () -> attempts(dialer, DIALED) == 1);
            SippSupport.assertNothingLeft(dialer);
        }

        DialerConfig config = DialerConfigLoader.load(ports.file());
        try (Database db = Database.open(config.store())) {
            JdbcPrivacyRepository privacy = new JdbcPrivacyRepository(db.dataSource());
            InstantSource clock = InstantSource.system();
            new PrivacyEraser(privacy, PrivacyEraser.hasher(config.privacy(), privacy, clock.instant()),
                    new DoNotCallLists(Map.of(), Map.of(), new JdbcDoNotCallRepository(db.dataSource()))
                            .optOutRegistry(), config.store().journal(), clock).erase(ERASED, false, "dpo", "IT");
        }

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try (TestDialer dialer = TestDialer.start(ports)) {
            assertEquals(1, attempts(dialer, DIALED), "a restart never resets attempts");
            assertEquals(-1, attempts(dialer, ERASED), "nothing stored of the erased number");
            Sipp customer = SippPeers.customer(dir, "after", dialer, "customer-reject.xml", 1, busy);
            assertFalse(dialer.campaign().dialNow(ERASED).get(), "the erased number is no lead any more");
            assertFalse(dialer.campaign().dialNow(OPTED_OUT).get(), "the opted-out number is no lead any more");
            assertTrue(dialer.campaign().dialNow(FRESH).get());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            assertEquals(List.of(FRESH), invited(customer), "SIPp sees no INVITE for the erased or opted-out number");
            SippSupport.assertNothingLeft(dialer);
        } finally {
            root.detachAppender(logs);
        }
        List<String> refused = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("leads.csv: line ")).toList();
        assertEquals(3, refused.size(), refused.toString());
        assertTrue(refused.get(0).endsWith("line 2: number erased by a privacy request (privacy erase); not imported"),
                refused.get(0));
        assertTrue(refused.get(1).endsWith("line 3: number on the do-not-call list; not imported"), refused.get(1));
        for (ILoggingEvent event : logs.list) {
            String digits = event.getFormattedMessage().replaceAll("[\\s().\\-/]", "");
            for (String number : List.of(ERASED, OPTED_OUT, TOO_LONG.replace(" ", ""))) {
                assertFalse(digits.contains(number.substring(3, 12)), "a number in the log: " + event);
            }
        }
    }

    /** The numbers SIPp got an INVITE for, in order of the numbers (calls go out in parallel). */
    private static List<String> invited(Sipp customer) throws java.io.IOException {
        return customer.messages().stream().filter(m -> !m.sent() && m.isRequest("INVITE"))
                .map(m -> m.firstLine().split("[:@]")[1]).distinct().sorted().toList();
    }

    /** The lead's stored attempts, -1 when nothing is stored. */
    private static int attempts(TestDialer dialer, String number) {
        LeadState state = new JdbcLeadStateRepository(dialer.server.database()).load("it").get(number);
        return state == null ? -1 : state.attempts();
    }
}
