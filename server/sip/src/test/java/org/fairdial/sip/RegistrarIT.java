package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.fairdial.testkit.FakeSoftphone;
import org.fairdial.testkit.FreePorts;
import org.fairdial.testkit.ManualTime;
import org.fairdial.testkit.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registrar's digest flows (RFC 3261 10.3, 22.4) against {@link FakeSoftphone} over loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegistrarIT {
    private static final long WAIT_SECONDS = 5;
    private static final String AGENT = "1001";
    private static final String PASSWORD = "agent-pass";

    private final ManualTime clock = new ManualTime(Instant.parse("2026-03-02T09:00:00Z"));
    private SignallingHarness dialer;
    private FakeSoftphone phone;

    @BeforeEach
    void start() throws Exception {
        dialer = new SignallingHarness(Map.of(AGENT, PASSWORD), clock);
        phone = FakeSoftphone.start(FreePorts.udpAndTcp(), "127.0.0.1:" + dialer.port);
    }

    @AfterEach
    void stop() {
        phone.close();
        dialer.close();
    }

    private Response register(int expires) throws Exception {
        return phone.register(AGENT, expires).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private List<Received> registerResponses(int code) {
        return phone.received().stream().filter(r -> r.status() == code && "REGISTER".equals(r.cseqMethod()))
                .toList();
    }

    @Test
    void aRegisterWithoutCredentialsIsChallengedAndTheRightPasswordBinds() throws Exception {
        phone.account(AGENT, PASSWORD);

        Response ok = register(600);

        assertEquals(200, ok.getStatusCode());
        List<Received> challenges = registerResponses(401);
        assertEquals(1, challenges.size());
        String www = challenges.get(0).header("WWW-Authenticate");
        assertTrue(www.contains("realm=\"" + SignallingHarness.REALM + "\"") && www.contains("qop=\"auth\""), www);
        assertEquals("sip:" + AGENT + "@127.0.0.1:" + phone.port(), dialer.agents.contactOf(AGENT));
        assertEquals("600", new Received(Instant.now(), ok).header("Expires"));
    }

    @Test
    void aWrongPasswordIsForbiddenAndBindsNothing() throws Exception {
        phone.account(AGENT, "guess");

        Response refused = register(600);

        assertEquals(403, refused.getStatusCode());
        assertEquals(1, registerResponses(401).size(), "one challenge, then the verdict");
        assertNull(dialer.agents.contactOf(AGENT));
    }

    @Test
    void aStaleNonceIsChallengedAgainWithStaleTrue() throws Exception {
        phone.account(AGENT, PASSWORD);
        assertEquals(200, register(600).getStatusCode());
        clock.advance(SignallingHarness.NONCE_LIFETIME.plusSeconds(1));

        Response ok = phone.registerWithLastNonce(AGENT, 600).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals(200, ok.getStatusCode(), "the phone retried with the fresh nonce, no password asked");
        List<Received> challenges = registerResponses(401);
        assertEquals(2, challenges.size());
        String second = challenges.get(1).header("WWW-Authenticate").toLowerCase(Locale.ROOT);
        assertTrue(second.contains("stale=true"), second);
        assertFalse(challenges.get(0).header("WWW-Authenticate").toLowerCase(Locale.ROOT).contains("stale"),
                "the first challenge is not stale");
    }

    @Test
    void expiresZeroUnregisters() throws Exception {
        phone.account(AGENT, PASSWORD);
        assertEquals(200, register(600).getStatusCode());
        assertNotNull(dialer.agents.contactOf(AGENT));

        Response ok = register(0);

        assertEquals(200, ok.getStatusCode());
        assertNull(dialer.agents.contactOf(AGENT));
    }

    @Test
    void anIntervalBelowMinExpiresGets423() throws Exception {
        phone.account(AGENT, PASSWORD);

        Response brief = register((int) SignallingHarness.MIN_EXPIRES.toSeconds() - 1);

        assertEquals(Response.INTERVAL_TOO_BRIEF, brief.getStatusCode());
        assertEquals(Long.toString(SignallingHarness.MIN_EXPIRES.toSeconds()),
                new Received(Instant.now(), brief).header("Min-Expires"));
        assertNull(dialer.agents.contactOf(AGENT));
    }
}
