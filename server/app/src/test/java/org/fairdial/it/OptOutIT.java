package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairdial.call.CallTransitions;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.Rule;
import org.fairdial.ports.Denial;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.storage.JdbcDenialRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keypress opt-out (47 CFR 64.1200(a)(7), 16 CFR 310.4(b)(1)(v)(B)) against SIPp, with the callee's and the
 * agent's media on test sockets: RFC 4733 telephone-events sent from the callee's RTP port to the dialer's.
 */
@Timeout(120)
class OptOutIT extends SippCalls {
    private static final Logger LOG = LoggerFactory.getLogger(OptOutIT.class);
    private static final String NUMBER = "+390299000009";
    private static final String OPT_OUT = "dialer.campaigns.it.abandon { opt-out-key = \"9\", "
            + "prompt-announces-opt-out = true }";
    private static final int KEY_9 = 9;
    private static final int CALLEE_EVENT_PT = 101;
    private static final byte CALLEE_SAYS = 0x55;

    @Test
    void theOptOutKeyDuringTheAbandonMessageListsTheNumberAndEndsTheCallAtOnce() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads(NUMBER).extra(OPT_OUT).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "6000",
                            "media_port", Integer.toString(callee.port())));
            assertTrue(dialer.campaign().dialNow(NUMBER).get());
            // 600 ms of treatment heard: the prompt (after its 200 ms delay) is playing.
            TestDialer.await("the abandon treatment", Duration.ofSeconds(20), () -> callee.received().size() >= 30);
            Instant pressed = callee.press(KEY_9, CALLEE_EVENT_PT);
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);

            Instant bye = SippSupport.when(customer.messages(), m -> !m.sent() && m.isRequest("BYE"));
            long keyToBye = Duration.between(pressed, bye).toMillis();
            assertTrue(keyToBye <= 200, "BYE " + keyToBye + " ms after the key's end packet");
            CdrLeg leg = SippSupport.leg(dialer.awaitCdrs(1, Duration.ofSeconds(10)), LegKind.CUSTOMER);
            assertEquals(Disposition.ABANDONED, leg.disposition());
            assertEquals(HangupSide.DIALER, leg.hangupSide());
            assertTrue(leg.sipReason().contains(CallTransitions.OPTED_OUT + "9"), leg.sipReason());
            assertTrue(leg.abandonTreatmentMs() < 2500, "ended by the key, not the deadline: "
                    + leg.abandonTreatmentMs() + " ms");

            assertEquals(DoNotCallSource.OPT_OUT_KEYPRESS.name(), dncSource(dialer, NUMBER));
            assertEquals("internal", dialer.server.doNotCall().matchAny(NUMBER));
            assertFalse(dialer.campaign().dialNow(NUMBER).get(), "an opted-out number was dialed again");
            List<Denial> denials = new JdbcDenialRepository(dialer.server.database().dataSource())
                    .find("it", Instant.EPOCH, Instant.now().plusSeconds(60), 10);
            assertEquals(Rule.DO_NOT_CALL, denials.get(0).rule(), denials.toString());
            assertEquals(0, dialer.server.calls().unexpectedEvents());
            SippSupport.assertNothingLeft(dialer);
            LOG.info("opt-out: key end packet to BYE {} ms, answer to BYE {} ms", keyToBye, leg.abandonTreatmentMs());
        }
    }

    @Test
    void aKeyInABridgedCallReachesTheAgentUnderTheAgentsPayloadTypeAndEndsNothing() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads("+390299000008")
                .dialing(1.0).extra(OPT_OUT).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk(CALLEE_SAYS);
            agentPhone.talk((byte) 0x2A);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 1,
                    Map.of("ring_ms", "500", "talk_ms", "3000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer-event96.xml",
                    agentPhone.port(), 7000);
            TestDialer.await("the callee heard by the agent", Duration.ofSeconds(30),
                    () -> agentPhone.countPayload(CALLEE_SAYS) > 10);
            callee.press(KEY_9, CALLEE_EVENT_PT);
            TestDialer.await("the key at the agent's phone", Duration.ofSeconds(5),
                    () -> agentPhone.received().stream().anyMatch(p -> isEnd(p)));

            List<RtpPeer.Packet> heard = agentPhone.received();
            List<RtpPeer.Packet> events = heard.stream().filter(p -> p.payloadType() == 96).toList();
            RtpPeer.Packet audio = heard.stream().filter(p -> p.payloadType() == 0).findFirst().orElseThrow();
            assertEquals(6, events.size(), "three updates and three ends, each relayed: " + events);
            assertTrue(heard.stream().noneMatch(p -> p.payloadType() == CALLEE_EVENT_PT), "never the callee's PT");
            for (RtpPeer.Packet p : events) {
                assertEquals(KEY_9, p.payload()[0]);
                assertEquals(audio.ssrc(), p.ssrc(), "the agent's one stream from the dialer");
                assertEquals(events.get(0).timestamp(), p.timestamp(), "one event, one start timestamp");
            }
            assertEquals(3, events.stream().filter(OptOutIT::isEnd).count());

            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
            CdrLeg customerLeg = SippSupport.leg(cdrs, LegKind.CUSTOMER);
            assertEquals(Disposition.ANSWERED, customerLeg.disposition());
            assertEquals(HangupSide.REMOTE, customerLeg.hangupSide(), "the key did not end the bridged call");
            assertNotNull(customerLeg.bridgedAt());
            assertEquals(null, dialer.server.doNotCall().matchAny("+390299000008"), "nor opted out");
            assertEquals(0, dialer.server.calls().unexpectedEvents());
            SippSupport.assertNothingLeft(dialer);
        }
    }

    private static boolean isEnd(RtpPeer.Packet p) {
        return p.payloadType() == 96 && p.payload().length >= 4 && (p.payload()[1] & 0x80) != 0;
    }

    private static String dncSource(TestDialer dialer, String number) throws Exception {
        try (Connection c = dialer.server.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source FROM do_not_call WHERE number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
