package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialing gate on a real server: with less free space than the journal's min-free-space (here, an absurd
 * 1000 TiB is asked for) the server starts, raises the alarm and refuses to place a call; paced dialing asks the
 * same gate in its tick. Recovery when space comes back is covered by CdrJournalTest.
 */
@Timeout(60)
class DiskFullGateIT {
    @TempDir
    Path dir;

    @Test
    void noCallIsPlacedWhileTheJournalCannotKeepRecords() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299003001").dialing(1.0)
                .extra("dialer.store.journal.min-free-space = 1000 TiB").start()) {
            TestDialer.await("journal alarm", Duration.ofSeconds(10),
                    () -> !dialer.server.cdrSink().canAcceptCalls());
            assertTrue(dialer.server.cdrSink().alarm().contains("below min-free-space"),
                    dialer.server.cdrSink().alarm());
            assertFalse(dialer.campaign().dialNow("+390299003001").get(), "dialNow refused");
            assertEquals(0, dialer.server.calls().size());
        }
    }
}
