package org.fairdial.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every end-to-end call test shares: it needs SIPp (skipped with a message without it), works in a directory
 * kept when it fails, and ends by checking that every agent came back (none RESERVED or RINGING without a call).
 */
abstract class SippCalls {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @AfterEach
    void everyAgentCameBack() {
        TestDialer.assertNoStrandedAgents();
    }
}
