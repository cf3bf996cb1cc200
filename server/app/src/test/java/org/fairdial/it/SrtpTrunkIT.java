package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.media.sdp.CryptoAttribute;
import org.fairdial.media.srtp.SrtpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code dialer.trunks.carrier.srtp = required} against a SIPp carrier, agents left at the policy's off: the
 * customer's INVITE offers RTP/SAVP with both SDES suites and the agent's plain RTP/AVP. The callee's phone
 * speaks SRTP under the key its answer gave; the relay decrypts it for the agent and encrypts the agent's audio
 * for the callee. The callee's later plain re-INVITE gets 488 with a Warning that says why, and the call goes on.
 */
@Timeout(120)
class SrtpTrunkIT extends SippCalls {
    private static final byte CALLEE_SAYS = 0x55;
    private static final byte AGENT_SAYS = 0x2A;
    /** The key in customer-srtp-refuse-plain-reinvite.xml's answer (RFC 4568's example key). */
    private static final String CALLEE_KEY = "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";

    @Test
    void anSrtpTrunkCarriesSrtpBothWaysThroughThePlainAgentLegAndRefusesAPlainReinvite() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1004", "pw-1004").leads("+390299000070")
                .dialing(1.0).extra("dialer.trunks.carrier.srtp = required").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            agentPhone.talk(AGENT_SAYS);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-srtp-refuse-plain-reinvite.xml", 1,
                    Map.of("ring_ms", "300", "talk_ms", "3000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1004", "pw-1004", "agent-answer.xml", agentPhone.port(),
                    20000);

            TestDialer.await("the dialer's INVITE", Duration.ofSeconds(15), () -> invite(customer).isPresent());
            String offer = invite(customer).orElseThrow().text();
            assertTrue(offer.contains("RTP/SAVP"), offer);
            assertTrue(offer.contains("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:"), offer);
            CryptoAttribute dialerKey = CryptoAttribute.parse(offer.lines().filter(l -> l.startsWith("a=crypto:1 "))
                    .findFirst().orElseThrow().substring("a=crypto:".length()).trim());
            callee.encrypting(new SrtpSession(CryptoAttribute.parse(CALLEE_KEY), dialerKey));
            callee.talk(CALLEE_SAYS);

            TestDialer.await("each side hears the other through the relay", Duration.ofSeconds(20),
                    () -> agentPhone.countPayload(CALLEE_SAYS) > 20 && callee.countPayload(AGENT_SAYS) > 20);
            assertEquals(1, dialer.server.media().secureLegs(), "one SRTP leg: the callee's");
            assertEquals(0, callee.unauthentic(), "everything the callee got authenticated under the dialer's key");
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);

            SippTrace.Message refused = customer.messages().stream().filter(m -> !m.sent()
                    && m.isResponse(488, "INVITE")).findFirst().orElseThrow();
            String warning = refused.header("Warning");
            assertTrue(warning.startsWith("399 fairdial \"SRTP is required but the offer is RTP/AVP without"
                    + " a=crypto"), warning);

            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
            SippTrace.Message agentInvite = agent.messages().stream().filter(m -> !m.sent()
                    && m.isRequest("INVITE")).findFirst().orElseThrow();
            assertTrue(agentInvite.text().contains("RTP/AVP"), agentInvite.text());
            assertFalse(agentInvite.text().contains("a=crypto"), "the agent policy is off: " + agentInvite.text());

            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            String reason = SippSupport.leg(cdrs, LegKind.CUSTOMER).sipReason();
            assertTrue(reason.contains("re-INVITE refused (488): SRTP is required"), reason);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    /** The first INVITE the carrier got, once SIPp's trace shows it. */
    private static Optional<SippTrace.Message> invite(Sipp customer) {
        try {
            return customer.messages().stream().filter(m -> !m.sent() && m.isRequest("INVITE")).findFirst();
        } catch (java.io.IOException notYet) {
            return Optional.empty();
        }
    }
}
