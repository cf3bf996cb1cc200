package org.fairdial.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrunkScriptTest {

    @Test
    void refinementsKeepWhatWasSetBefore() {
        TrunkScript script = TrunkScript.answer(Duration.ofMillis(800)).withCodecs("PCMA").withRetransmitted200(2)
                .withChallenge(407, "acme", "pw").withoutRtp();

        assertTrue(script.answer());
        assertEquals(Duration.ofMillis(800), script.ringFor());
        assertEquals(List.of("PCMA"), script.codecs());
        assertEquals(2, script.extra200s());
        assertEquals(407, script.challengeCode());
        assertEquals("acme", script.user());
        assertFalse(script.sendRtp());
    }

    @Test
    void onlyDigestChallengeCodesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> TrunkScript.neverAnswer().withChallenge(403, "u", "p"));
    }
}
