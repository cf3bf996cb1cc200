package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fairdial.agent.AgentState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The registrar against SIPp softphones: digest with qop=auth, wrong passwords, unknown users, Expires: 0. */
@Timeout(90)
class RegistrarIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void agentWithTheRightPasswordRegistersBecomesAvailableAndUnregisters() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").start();
             RtpPeer media = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "right-pw", "agent-answer.xml", media.port(), 1500);
            TestDialer.await("agent 1001 available", Duration.ofSeconds(10),
                    () -> dialer.agentState("1001") == AgentState.AVAILABLE);
            assertEquals(0, agent.await(Duration.ofSeconds(30)), agent::diagnostics);
            TestDialer.await("agent 1001 logged out by Expires: 0", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") == AgentState.LOGGED_OUT);
            String challenge = agent.messages().stream().filter(m -> !m.sent() && m.firstLine().contains(" 401 "))
                    .findFirst().orElseThrow().header("WWW-Authenticate");
            assertTrue(challenge.contains("qop=\"auth\""), challenge);
            assertTrue(challenge.contains("algorithm=MD5"), challenge);
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedAndNeverRegistered() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").start()) {
            for (String[] attempt : new String[][] {{"1001", "wrong-pw"}, {"9999", "whatever"}}) {
                Sipp sipp = Sipp.start(dir, "refused-" + attempt[0], "agent-register-refused.xml",
                        Map.of("agent", attempt[0]), Duration.ofSeconds(30), "127.0.0.1:" + dialer.sipPort, "-i",
                        "127.0.0.1", "-p", Integer.toString(TestDialer.freePort()), "-m", "1", "-au", attempt[0],
                        "-ap", attempt[1]);
                assertEquals(0, sipp.await(Duration.ofSeconds(30)), sipp::diagnostics);
            }
            assertEquals(AgentState.LOGGED_OUT, dialer.agentState("1001"));
        }
    }
}
