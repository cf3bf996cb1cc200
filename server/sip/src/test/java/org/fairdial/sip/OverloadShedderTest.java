package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.lang.reflect.Proxy;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import org.fairdial.auth.CidrBlock;
import org.fairdial.config.SipOverloadConfig;
import org.fairdial.config.TrunkConfig;
import org.junit.jupiter.api.Test;

/** Which requests {@link OverloadShedder} sheds at which load, on a queue of datagrams of known age. */
class OverloadShedderTest {
    private static final SipOverloadConfig CONFIG = new SipOverloadConfig(true, Duration.ofMillis(100), 1000, 3,
            Duration.ofSeconds(5));
    private static final String STRANGER = "198.51.100.7";
    private static final String AGENT = "10.0.0.21";
    private static final String TRUNK = "192.0.2.10";

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Queue<Object> waiting = new LinkedBlockingQueue<>();

    private OverloadShedder shedder(SipOverloadConfig config) {
        OverloadShedder shedder = new OverloadShedder(config, now::get);
        shedder.measure(new StackLoad(null, List.of(waiting), now::get));
        shedder.trunks(List.of(new TrunkConfig("carrier", TRUNK, 5060, "udp", null, null, 10,
                List.of(CidrBlock.parse("203.0.113.0/24")))));
        shedder.agentRegistered(AGENT, now.get() + 60_000);
        return shedder;
    }

    /** The oldest datagram in the stack's queue arrived {@code ageMillis} ago. */
    private void oldestWaited(long ageMillis) {
        waiting.clear();
        waiting.add(new DatagramQueuedMessageDispatch(new DatagramPacket(new byte[1], 1), now.get() - ageMillis));
        waiting.add(new DatagramQueuedMessageDispatch(new DatagramPacket(new byte[1], 1), now.get()));
    }

    private static RequestEvent request(String method, String source, Dialog dialog) throws Exception {
        String text = method + " sip:100@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + source + ":5999;branch=z9hG4bK1\r\n"
                + "From: <sip:100@127.0.0.1>;tag=1\r\nTo: <sip:100@127.0.0.1>\r\nCall-ID: 1@x\r\n"
                + "CSeq: 1 " + method + "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        SIPRequest request = (SIPRequest) new StringMsgParser().parseSIPMessage(
                text.getBytes(StandardCharsets.US_ASCII), true, false, null);
        RequestEventExt event = new RequestEventExt(new Object(), null, dialog, request);
        event.setRemoteIpAddress(source);
        return event;
    }

    private static Dialog aDialog() {
        return (Dialog) Proxy.newProxyInstance(Dialog.class.getClassLoader(), new Class<?>[] {Dialog.class},
                (proxy, m, args) -> null);
    }

    @Test
    void belowTheThresholdNothingIsShed() throws Exception {
        OverloadShedder shedder = shedder(CONFIG);
        oldestWaited(99);
        assertFalse(shedder.shed(request("REGISTER", STRANGER, null)));
        assertFalse(shedder.shed(request("INVITE", STRANGER, null)));
        assertEquals(0, shedder.shed.sum());
    }

    @Test
    void pastTheThresholdStrangersAreShedAgentsAndTrunksAreNot() throws Exception {
        OverloadShedder shedder = shedder(CONFIG);
        oldestWaited(150);
        assertTrue(shedder.shed(request("REGISTER", STRANGER, null)));
        assertTrue(shedder.shed(request("OPTIONS", STRANGER, null)));
        assertTrue(shedder.shed(request("INVITE", STRANGER, null)));
        assertFalse(shedder.shed(request("REGISTER", AGENT, null)), "a registered agent re-registers");
        assertFalse(shedder.shed(request("INVITE", TRUNK, null)), "the trunk's host");
        assertFalse(shedder.shed(request("OPTIONS", "203.0.113.9", null)), "the trunk's allow-from");
        assertEquals(3, shedder.shed.sum());
        assertEquals(0, shedder.shedPriority.sum());
    }

    @Test
    void pastThePriorityFactorAgentsAndTrunksAreShedToo() throws Exception {
        OverloadShedder shedder = shedder(CONFIG);
        oldestWaited(301);
        assertTrue(shedder.shed(request("REGISTER", AGENT, null)));
        assertTrue(shedder.shed(request("INVITE", TRUNK, null)));
        assertEquals(2, shedder.shedPriority.sum());
    }

    @Test
    void requestsOfExistingDialogsAndTheirEndsAreNeverShed() throws Exception {
        OverloadShedder shedder = shedder(CONFIG);
        oldestWaited(10_000);
        for (String method : List.of("ACK", "BYE", "CANCEL")) {
            assertFalse(shedder.shed(request(method, STRANGER, null)), method);
        }
        assertFalse(shedder.shed(request("INVITE", STRANGER, aDialog())), "a re-INVITE in one of our dialogs");
        assertFalse(shedder.shed(request("INFO", STRANGER, aDialog())));
        assertEquals(0, shedder.shed.sum());
    }

    @Test
    void anAgentRegistrationThatExpiredGivesNoPriority() throws Exception {
        OverloadShedder shedder = shedder(CONFIG);
        oldestWaited(150);
        now.addAndGet(60_001);
        oldestWaited(150);
        assertTrue(shedder.shed(request("REGISTER", AGENT, null)));
    }

    @Test
    void disabledShedsNothing() throws Exception {
        OverloadShedder shedder = shedder(new SipOverloadConfig(false, Duration.ofMillis(100), 1000, 3,
                Duration.ofSeconds(5)));
        oldestWaited(10_000);
        assertFalse(shedder.shed(request("REGISTER", STRANGER, null)));
    }
}
