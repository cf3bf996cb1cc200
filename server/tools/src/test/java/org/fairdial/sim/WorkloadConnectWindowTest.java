package org.fairdial.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fairdial.compliance.ConnectWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload's connect window comes from the server's profile values and the workload's prompt and timeout. */
class WorkloadConnectWindowTest {
    @TempDir
    Path dir;

    private Path workload(String extra) throws Exception {
        return Files.writeString(dir.resolve("w.conf"), "workload { profile = it-garante\n" + extra + "\n}\n");
    }

    @Test
    void withoutPromptAndTimeoutCallsAreAbandonedAtOnceAsBefore() throws Exception {
        assertSame(ConnectWindow.NONE, WorkloadReader.connectWindow(workload("")));
    }

    @Test
    void garanteWithAOneSecondPromptWaitsTheFullSecond() throws Exception {
        ConnectWindow w = WorkloadReader.connectWindow(workload(
                "prompt-length = 1 second\nagent-connect-timeout = 500 ms"));
        // 3 s (campaign-defaults) - 200 ms margin - 1 s = 1.8 s latest start, less 500 ms: above the 1 s window.
        assertEquals(Duration.ofSeconds(1), w.agentWait());
        assertEquals(Duration.ofMillis(1800), w.latestTreatmentStart());
    }

    @Test
    void theShippedDemoPromptAndTimeoutLeaveNoWait() throws Exception {
        ConnectWindow w = WorkloadReader.connectWindow(workload(
                "prompt-length = 2517 ms\nagent-connect-timeout = 2 seconds"));
        assertEquals(Duration.ZERO, w.agentWait());
    }

    @Test
    void ofcomsStartLimitBinds() throws Exception {
        Path file = Files.writeString(dir.resolve("uk.conf"), "workload { profile = uk-ofcom\n"
                + "abandon-max-duration = 10 seconds\nprompt-length = 3 seconds\nagent-connect-timeout = 1 second }\n");
        assertEquals(Duration.ofSeconds(1), WorkloadReader.connectWindow(file).agentWait());
    }
}
