package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fairdial.admin.ConfigReloader;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the configuration while SIPp calls flow: nothing dropped, bad candidates refused whole. */
@Timeout(120)
class ReloadIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void reloadDuringCallsDropsNothingAndABadCandidateChangesNothing() throws Exception {
        String[] leads = {"+390299000040", "+390299000041", "+390299000042", "+390299000043"};
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads(leads).dialing(1.0).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer phone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk((byte) 0x55);
            phone.talk((byte) 0x2A);
            Sipp customers = SippPeers.customer(dir, "customers", dialer, "customer-answer-hangup.xml", leads.length,
                    Map.of("ring_ms", "300", "talk_ms", "1500", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", phone.port(), 16000);
            ConfigReloader reloader = dialer.server.reload();
            String original = Files.readString(dialer.configFile);

            TestDialer.await("the first call bridged", Duration.ofSeconds(20),
                    () -> dialer.server.campaigns().get("it").stats().snapshot().dialed() >= 1
                            && dialer.server.calls().size() == 1);
            Files.writeString(dialer.configFile, original + "\ndialer.agents.\"1002\".password = \"pw-1002\"\n"
                    + "dialer.campaigns.it.caller-id.name = \"Fairdial Reloaded\"\n");
            ConfigReloader.Result good = reloader.reload();
            assertTrue(good.applied(), good.toString());
            assertTrue(good.summary().contains("agents: +1002"), good.summary());
            assertTrue(good.summary().contains("campaigns: ~it (callerId)"), good.summary());

            Files.writeString(dialer.configFile, original + "\ndialer.campaigns.it.abandon.max-duration = 5s\n");
            ConfigReloader.Result bad = reloader.reload();
            assertFalse(bad.applied());
            assertEquals("dialer.campaigns.it.abandon.max-duration", bad.problems().get(0).path());
            assertEquals("Fairdial Reloaded", dialer.server.config().campaigns().get("it").callerId().name());

            assertEquals(0, customers.await(Duration.ofSeconds(60)), customers::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2 * leads.length, Duration.ofSeconds(10));
            assertEquals(2 * leads.length, cdrs.size());
            assertTrue(cdrs.stream().allMatch(c -> c.disposition() == Disposition.ANSWERED), cdrs.toString());
            assertTrue(dialer.server.agents().snapshot().stream().anyMatch(a -> a.id().equals("1002")));
            agent.close();
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
