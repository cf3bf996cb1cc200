package org.fairdial.demo;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.fairdial.media.MediaEngine;
import org.fairdial.sip.Slf4jServerLogger;
import org.fairdial.sip.Slf4jStackLogger;
import org.fairdial.testkit.FakeSoftphone;
import org.fairdial.testkit.FakeTrunk;
import org.fairdial.testkit.TrunkScript;

/** The demo's carrier and agents: the testkit's SIP peers, scripted for the show, on the product's media engine. */
final class DemoPeers {
    private DemoPeers() {
    }

    /**
     * A carrier on loopback that plays the callees: the last digit of the dialed number decides what happens
     * (0 busy, 1 unavailable, 2 rings until we give up, 3-9 answers after a short ring, talks, then hangs up).
     */
    static FakeTrunk carrier(String host, int port, MediaEngine media) throws SipException {
        return new FakeTrunk(host, port, DemoPeers::callee, new DemoMedia(media, "carrier",
                number -> 300 + 40 * lastDigit(number)), stackLogging());
    }

    static TrunkScript callee(Request invite) {
        int digit = lastDigit(((SipURI) invite.getRequestURI()).getUser());
        return switch (digit) {
            case 0 -> TrunkScript.reject(486);
            case 1 -> TrunkScript.reject(480);
            case 2 -> TrunkScript.neverAnswer();
            default -> TrunkScript.answer(Duration.ofMillis(800L + 300L * (digit - 3)))
                    .withHangUpAfter(Duration.ofMillis(2500L + 500L * digit));
        };
    }

    /**
     * Agents' softphones, all on one UDP port, registering with digest authentication and answering the dialer's
     * INVITEs at once (auto-answer). {@code slowAgent} misses every fourth call: it rings past the dialer's connect
     * deadline, the dialer CANCELs, the callee gets the abandon treatment, and that agent is out of rotation until
     * its next REGISTER.
     */
    static FakeSoftphone agents(String host, int port, String registrar, Map<String, String> passwords,
                                MediaEngine media, String slowAgent) throws SipException {
        FakeSoftphone phones = new FakeSoftphone(host, port, registrar, new DemoMedia(media, "agent", user -> 200),
                stackLogging());
        passwords.forEach(phones::account);
        AtomicInteger slowCalls = new AtomicInteger();
        return phones.answers(user -> user.equals(slowAgent) && slowCalls.incrementAndGet() % 4 == 2
                ? FakeSoftphone.Answer.RING : FakeSoftphone.Answer.AUTO);
    }

    private static int lastDigit(String number) {
        return number.charAt(number.length() - 1) - '0';
    }

    /** The peers' stacks log through SLF4J like the dialer's. */
    private static Properties stackLogging() {
        Properties p = new Properties();
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        return p;
    }
}
