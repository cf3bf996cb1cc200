package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lead list as a spreadsheet in an Italian locale saves "CSV UTF-8" (byte order mark, {@code ;} separators,
 * CRLF, a note over two lines in quotes, a bad row), dialed by the running server: SIPp, as the carrier, sees an
 * INVITE for each good number, in file order, and nothing else.
 */
@Timeout(120)
class SpreadsheetLeadListIT {
    private static final String FIRST = "+390299000070";
    private static final String SECOND = "+390299000071";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void aSemicolonSeparatedListWithABomAndAQuotedLineBreakIsDialedInOrder() throws Exception {
        String csv = "\uFEFFnumber;name;notes\r\n"
                + FIRST + ";\"Rossi; Mario\";\"richiamare\r\ndopo le 18\"\r\n"
                + "non disponibile;Nessuno;\r\n"
                + SECOND + ";Giulia;\r\n";
        try (TestDialer dialer = TestDialer.in(dir).agent("1005", "pw-1005").leadFile(csv).dialing(1.0).start()) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-reject.xml", 2,
                    Map.of("code", "486", "reason", "Busy Here", "q850", "17"));
            Sipp agent = SippPeers.agent(dir, dialer, "1005", "pw-1005", "agent-answer.xml",
                    TestDialer.freeRange(4), 8_000);

            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<String> invited = customer.messages().stream().filter(m -> !m.sent() && m.isRequest("INVITE"))
                    .map(m -> m.firstLine().split("[:@]")[1]).distinct().toList();
            assertEquals(List.of(FIRST, SECOND), invited);
            List<String> dialed = dialer.awaitCdrs(2, Duration.ofSeconds(10)).stream()
                    .filter(l -> l.kind() == LegKind.CUSTOMER).map(CdrLeg::normalizedNumber).sorted().toList();
            assertEquals(List.of(FIRST, SECOND), dialed);
            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
