package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gov.nist.core.LogLevels;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import org.fairdial.privacy.NumberMask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Regression: the {@code org.fairdial.sip.wire} TRACE log showed every callee's and caller's number in full. */
class WireLogMaskingTest {
    private static final String SDP = "v=0\r\n"
            + "o=fairdial 1 1 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "m=audio 20000 RTP/AVP 0 8\r\n";
    private static final String INVITE = "INVITE sip:+390299000040@127.0.0.1:5070 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-524287-1\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: \"+390212345678\" <sip:+390212345678@127.0.0.1:5060>;tag=4711\r\n"
            + "To: <sip:+390299000040@127.0.0.1:5070>\r\n"
            + "P-Asserted-Identity: <tel:+390212345678>\r\n"
            + "Contact: <sip:+390212345678@127.0.0.1:5060;transport=udp>\r\n"
            + "Call-ID: 0190c3a2-7b1e-7c1a-9f00-5e1d2a3b4c5d\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: " + SDP.length() + "\r\n"
            + "\r\n"
            + SDP;

    private final Logger wire = (Logger) LoggerFactory.getLogger("org.fairdial.sip.wire");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = wire.getLevel();
        wire.setLevel(Level.TRACE);
        captured.start();
        wire.addAppender(captured);
    }

    @AfterEach
    void release() {
        wire.detachAppender(captured);
        wire.setLevel(levelBefore);
    }

    @Test
    void numbersInTheRequestUriAndPartyHeadersAreMasked() throws Exception {
        new Slf4jServerLogger(NumberMask.of(2)).logMessage(parse(INVITE), "127.0.0.1:5060", "127.0.0.1:5070",
                true, 0);

        assertEquals(1, captured.list.size());
        String line = captured.list.get(0).getFormattedMessage();
        assertFalse(line.contains("0212345678"), line);
        assertFalse(line.contains("0299000040"), line);
        assertTrue(line.contains("INVITE sip:***40@127.0.0.1:5070 SIP/2.0"), line);
        assertTrue(line.contains("From: \"***78\" <sip:***78@127.0.0.1:5060>;tag=4711"), line);
        assertTrue(line.contains("To: <sip:***40@127.0.0.1:5070>"), line);
        assertTrue(line.contains("P-Asserted-Identity: <tel:***78>"), line);
        assertTrue(line.contains("Contact: <sip:***78@127.0.0.1:5060;transport=udp>"), line);
        assertTrue(line.contains("Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-524287-1"), "Via intact: " + line);
        assertTrue(line.contains("Call-ID: 0190c3a2-7b1e-7c1a-9f00-5e1d2a3b4c5d"), "Call-ID intact: " + line);
        assertTrue(line.endsWith(SDP), "the SDP, which holds no number, is logged as it is: " + line);
    }

    @Test
    void theRiBuiltLoggerShowsNoDigitUntilItIsGivenTheServersMask() throws Exception {
        Slf4jServerLogger logger = new Slf4jServerLogger();
        logger.logMessage(parse(INVITE), "127.0.0.1:5060", "127.0.0.1:5070", true, 0);
        logger.useMask(NumberMask.of(4));
        logger.logMessage(parse(INVITE), "127.0.0.1:5060", "127.0.0.1:5070", true, 0);

        assertTrue(captured.list.get(0).getFormattedMessage().contains("To: <sip:***@127.0.0.1:5070>"));
        assertTrue(captured.list.get(1).getFormattedMessage().contains("To: <sip:***0040@127.0.0.1:5070>"));
    }

    @Test
    void aResponseKeepsItsStatusLineAndMasksItsParties() throws Exception {
        String ok = "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-524287-1\r\n"
                + "f: <sip:+390212345678@127.0.0.1>;tag=4711\r\n"
                + "t: <sip:+390299000040@127.0.0.1>;tag=99\r\n"
                + "Call-ID: abc@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
        new Slf4jServerLogger(NumberMask.of(0)).logMessage(parse(ok), "127.0.0.1:5070", "127.0.0.1:5060", false, 0);
        String line = captured.list.get(0).getFormattedMessage();
        assertTrue(line.contains("SIP/2.0 200 OK"), line);
        assertFalse(line.contains("0212345678") || line.contains("0299000040"), line);
        assertTrue(line.contains("sip:***@127.0.0.1"), line);
    }

    /** Regression: the RI hands a message to the wire logger only if its stack logger says messages are wanted. */
    @Test
    void theStackAsksForMessagesWhenTheWireLogIsOn() {
        Slf4jStackLogger stack = new Slf4jStackLogger();
        assertTrue(stack.isLoggingEnabled(LogLevels.TRACE_MESSAGES), "wire at TRACE");
        wire.setLevel(Level.OFF);
        boolean stackInfo = LoggerFactory.getLogger("gov.nist").isInfoEnabled();
        assertEquals(stackInfo, stack.isLoggingEnabled(LogLevels.TRACE_MESSAGES), "wire off: as gov.nist says");
    }

    private static SIPMessage parse(String text) throws Exception {
        return new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }
}
