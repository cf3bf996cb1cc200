package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

/** What call control reads from responses to its INVITEs, on responses as they come off the wire. */
class InviteResponsesTest {
    private static final String HEAD = "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1\r\n"
            + "From: <sip:dialer@127.0.0.1>;tag=a1\r\n"
            + "To: <sip:+390212345678@127.0.0.1:5070>;tag=b2\r\n"
            + "Call-ID: 7f3a@127.0.0.1\r\n"
            + "CSeq: 1 INVITE\r\n";
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 30000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";

    @Test
    void q850CauseOfAReasonHeader() throws ParseException {
        SIPMessage busy = parse("SIP/2.0 486 Busy Here\r\n" + HEAD
                + "Reason: Q.850;cause=17;text=\"User busy\"\r\nContent-Length: 0\r\n\r\n");
        assertEquals(17, InviteResponses.q850(busy));
    }

    @Test
    void q850CauseIsFoundAmongOtherReasons() throws ParseException {
        SIPMessage bye = parse("SIP/2.0 480 Temporarily Unavailable\r\n" + HEAD
                + "Reason: SIP;cause=480;text=\"Away\"\r\nReason: Q.850;cause=18\r\nContent-Length: 0\r\n\r\n");
        assertEquals(18, InviteResponses.q850(bye));
    }

    @Test
    void noQ850CauseWithoutAQ850Reason() throws ParseException {
        assertNull(InviteResponses.q850(parse("SIP/2.0 603 Decline\r\n" + HEAD
                + "Reason: SIP;cause=603\r\nContent-Length: 0\r\n\r\n")));
        assertNull(InviteResponses.q850(parse("SIP/2.0 404 Not Found\r\n" + HEAD + "Content-Length: 0\r\n\r\n")));
    }

    @Test
    void answerWithSdp() throws ParseException {
        SIPMessage ok = parse("SIP/2.0 200 OK\r\n" + HEAD + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP);
        assertTrue(InviteResponses.hasSdp(ok));
        assertEquals(SDP, InviteResponses.sdp(ok));
    }

    @Test
    void answerWithoutBodyOrWithAnotherTypeHasNoSdp() throws ParseException {
        SIPMessage empty = parse("SIP/2.0 200 OK\r\n" + HEAD + "Content-Type: application/sdp\r\n"
                + "Content-Length: 0\r\n\r\n");
        assertFalse(InviteResponses.hasSdp(empty));
        assertNull(InviteResponses.sdp(empty));
        SIPMessage text = parse("SIP/2.0 183 Session Progress\r\n" + HEAD + "Content-Type: text/plain\r\n"
                + "Content-Length: 5\r\n\r\nhello");
        assertFalse(InviteResponses.hasSdp(text));
        assertFalse(InviteResponses.hasSdp(parse("SIP/2.0 180 Ringing\r\n" + HEAD + "Content-Length: 0\r\n\r\n")));
    }

    @Test
    void malformedMessagesAreCountedAndStillRefused() {
        MalformedMessages malformed = new MalformedMessages();
        long before = malformed.count();
        var parser = malformed.createMessageParser(null);
        byte[] garbage = "NOT SIP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(ParseException.class, () -> parser.parseSIPMessage(garbage, true, false, null));
        assertEquals(before + 1, malformed.count());
        assertEquals(0, new MalformedMessages().count(), "each stack counts its own");
    }

    private static SIPMessage parse(String wire) throws ParseException {
        return new StringMsgParser().parseSIPMessage(wire.getBytes(StandardCharsets.UTF_8), true, false, null);
    }
}
