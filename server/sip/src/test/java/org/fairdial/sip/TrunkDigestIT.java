package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallSession;
import org.fairdial.testkit.FakeTrunk;
import org.fairdial.testkit.FreePorts;
import org.fairdial.testkit.Received;
import org.fairdial.testkit.TrunkScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A trunk that challenges our INVITEs (RFC 3261 22.2/22.3): one authenticated retry, never a loop. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrunkDigestIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String USER = "acme";
    private static final String PASSWORD = "s3cret";

    private SignallingHarness dialer;
    private FakeTrunk trunk;

    @BeforeEach
    void startDialer() throws Exception {
        dialer = new SignallingHarness();
    }

    @AfterEach
    void stop() {
        if (trunk != null) {
            trunk.close();
        }
        dialer.close();
    }

    private CallSession dial(int challenge, String password) throws Exception {
        trunk = FakeTrunk.start(FreePorts.udpAndTcp(), TrunkScript.answer(Duration.ZERO)
                .withChallenge(challenge, USER, PASSWORD));
        CallSession call = dialer.call(SignallingHarness.trunk(trunk.port(), "udp", USER, password));
        dialer.signalling.inviteCustomer(call, SignallingHarness.offer());
        return call;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {401, 407})
    void aChallengeIsAnsweredOnceWithTheRightDigest(int code) throws Exception {
        CallSession call = dial(code, PASSWORD);

        dialer.await(call, CallEvent.Answered.class, WAIT);

        List<Received> invites = trunk.requests(Request.INVITE);
        assertEquals(2, invites.size(), "the INVITE and one retry");
        String header = code == 407 ? "Proxy-Authorization" : "Authorization";
        assertNull(invites.get(0).header(header), "no credentials before the challenge");
        assertNotNull(invites.get(1).header(header), header + " on the retry");
        assertEquals(1, trunk.challengesSent());
        assertEquals(1, trunk.validCredentials(), "the digest matched user, realm, password, nonce and URI");
        assertEquals(0, trunk.invalidCredentials());
        assertEquals(2, dialer.sent(Request.INVITE));
        assertEquals(List.of(CallEvent.Answered.class), dialer.events(call).stream()
                .filter(e -> !(e instanceof CallEvent.Progress)).map(Object::getClass).toList(),
                "the challenge itself is not reported: " + dialer.events(call));
    }

    @Test
    void aSecondChallengeEndsTheLeg() throws Exception {
        CallSession call = dial(401, "not-the-password");

        CallEvent.Failed failed = dialer.await(call, CallEvent.Failed.class, WAIT);

        assertEquals(401, failed.code());
        assertEquals(2, trunk.challengesSent());
        assertEquals(1, trunk.invalidCredentials());
        assertEquals(2, trunk.requests(Request.INVITE).size(), "no third INVITE");
        assertEquals(1, dialer.events(call).stream().filter(e -> e instanceof CallEvent.Failed).count());
    }
}
