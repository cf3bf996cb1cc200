package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

/** SIP INFO key presses as phones and SBCs send them, read off the wire. */
class DtmfRelayTest {

    private static SIPRequest info(String contentType, String body) throws ParseException {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String text = "INFO sip:dialer@127.0.0.1:5070 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-7\r\n"
                + "From: <sip:+390212345678@127.0.0.1:5080>;tag=b2\r\n"
                + "To: <sip:dialer@127.0.0.1>;tag=a1\r\n"
                + "Call-ID: 7f3a@127.0.0.1\r\nCSeq: 2 INFO\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + raw.length + "\r\n\r\n" + body;
        return (SIPRequest) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false,
                null);
    }

    @Test
    void dtmfRelayBodyGivesItsSignal() throws ParseException {
        SIPRequest info = info("application/dtmf-relay", "Signal=9\r\nDuration=160\r\n");
        assertTrue(DtmfRelay.isDtmf(info));
        assertEquals('9', DtmfRelay.digit(info));
        assertEquals('#', DtmfRelay.digit(info("application/dtmf-relay", "Signal= #\nDuration= 250\n")));
        assertEquals('*', DtmfRelay.digit(info("Application/DTMF-Relay", "signal=10\r\n")), "event code 10");
    }

    @Test
    void bareDtmfBodyIsTheKey() throws ParseException {
        SIPRequest info = info("application/dtmf", "5");
        assertTrue(DtmfRelay.isDtmf(info));
        assertEquals('5', DtmfRelay.digit(info));
    }

    @Test
    void otherBodiesAndOtherKeysAreNoPress() throws ParseException {
        assertFalse(DtmfRelay.isDtmf(info("application/media_control+xml", "<media_control/>")));
        assertFalse(DtmfRelay.isDtmf(info(null, "")));
        assertEquals(DtmfRelay.NONE, DtmfRelay.digit(info("application/dtmf-relay", "Signal=A\r\n")));
        assertEquals(DtmfRelay.NONE, DtmfRelay.digit(info("application/dtmf-relay", "Duration=160\r\n")));
        assertEquals(DtmfRelay.NONE, DtmfRelay.digit(info("application/dtmf-relay", "")));
    }
}
