package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The connect window's arithmetic, worked by hand for the shipped profiles' caps. */
class ConnectWindowTest {
    private static JurisdictionProfile profile(Duration cap, Duration promptStartMax, Duration window) {
        return new JurisdictionProfile("p", 0.03, cap, promptStartMax, Duration.ZERO, Duration.ofSeconds(15),
                WeeklyHours.always(), Holidays.NONE, false, false, false, FrequencyCap.NONE, false, "", Duration.ZERO, window);
    }

    private static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    @Test
    void garanteWindowPlusPromptEndsBeforeTheCap() {
        // 3 s cap - 200 ms margin - 1.9 s prompt = 0.9 s latest start; minus a 400 ms connect timeout: 0.5 s wait.
        ConnectWindow w = ConnectWindow.of(profile(ms(3000), null, ms(1000)), ms(3000), ms(1900), ms(400));
        assertEquals(ms(900), w.latestTreatmentStart());
        assertEquals(ms(500), w.agentWait());
        assertTrue(w.connectTimeoutFits());
        assertTrue(w.takes(ms(500)));
        assertFalse(w.takes(ms(501)));
    }

    @Test
    void theIssuesLateAgentDoesNotFit() {
        // Today: a 2 s agent-connect-timeout leaves 0.8 s of a 1.9 s prompt before the it-garante BYE.
        ConnectWindow w = ConnectWindow.of(profile(ms(3000), null, ms(1000)), ms(3000), ms(1900), ms(2000));
        assertFalse(w.connectTimeoutFits());
        assertEquals(Duration.ZERO, w.agentWait());
        assertFalse(w.waits());
        assertFalse(w.takes(Duration.ZERO));
    }

    @Test
    void ofcomMessageStartsWithinTwoSeconds() {
        // 10 s cap leaves plenty for the prompt; the 2 s start limit is what binds: 2 s - 500 ms connect = 1.5 s.
        ConnectWindow w = ConnectWindow.of(profile(ms(10_000), ms(2000), ms(1500)), ms(10_000), ms(3000),
                ms(500));
        assertEquals(ms(2000), w.latestTreatmentStart());
        assertEquals(ms(1500), w.agentWait());
        // With a 1 s connect timeout the window shrinks to what the start limit leaves.
        assertEquals(ms(1000), ConnectWindow.of(profile(ms(10_000), ms(2000), ms(1500)), ms(10_000),
                ms(3000), ms(1000)).agentWait());
    }

    @Test
    void aProfileWithoutAWindowNeverWaits() {
        ConnectWindow w = ConnectWindow.of(profile(ms(3000), null, Duration.ZERO), ms(3000), ms(1000), ms(300));
        assertFalse(w.waits());
        assertTrue(w.connectTimeoutFits());
    }
}
