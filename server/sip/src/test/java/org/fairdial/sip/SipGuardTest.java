package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sip.RequestEvent;
import org.fairdial.auth.LockoutPolicy;
import org.fairdial.config.SipSecurityConfig;
import org.fairdial.testkit.ManualTime;
import org.junit.jupiter.api.Test;

class SipGuardTest {
    private final ManualTime time = new ManualTime(Instant.parse("2026-12-03T10:00:00Z"));

    private static SipSecurityConfig config(double perSecond, int burst) {
        return new SipSecurityConfig(LockoutPolicy.OFF, perSecond, perSecond, perSecond, burst,
                List.of("friendly-scanner", "sipvicious"), List.of(), List.of("MD5"), 403);
    }

    private static RequestEvent request(String method, String userAgent) throws Exception {
        String text = method + " sip:100@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK1\r\n"
                + "From: <sip:100@127.0.0.1>;tag=1\r\nTo: <sip:100@127.0.0.1>\r\nCall-ID: 1@x\r\n"
                + "CSeq: 1 " + method + "\r\nMax-Forwards: 70\r\n"
                + (userAgent == null ? "" : "User-Agent: " + userAgent + "\r\n") + "Content-Length: 0\r\n\r\n";
        SIPRequest request = (SIPRequest) new StringMsgParser().parseSIPMessage(
                text.getBytes(StandardCharsets.US_ASCII), true, false, null);
        return new RequestEvent(new Object(), null, null, request);
    }

    @Test
    void scannerUserAgentsAreDroppedWhateverTheirCase() throws Exception {
        SipGuard guard = new SipGuard(config(0, 1), time);
        assertFalse(guard.admit(request("OPTIONS", "friendly-scanner")));
        assertFalse(guard.admit(request("REGISTER", "SIPVicious 0.3.3")));
        assertTrue(guard.admit(request("OPTIONS", "Yealink SIP-T46S 66.86.0.15")));
        assertTrue(guard.admit(request("OPTIONS", null)));
        assertEquals(2, guard.scannerDropped.sum());
    }

    @Test
    void eachMethodHasItsOwnRatePerSource() throws Exception {
        SipGuard guard = new SipGuard(config(2, 3), time);
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            admitted += guard.admit(request("REGISTER", "phone")) ? 1 : 0;
        }
        assertEquals(3, admitted);
        assertTrue(guard.admit(request("OPTIONS", "phone")), "OPTIONS has a bucket of its own");
        assertTrue(guard.admit(request("BYE", "phone")), "BYE is never rate-limited");
        time.advance(Duration.ofMillis(500));
        assertTrue(guard.admit(request("REGISTER", "phone")));
        assertFalse(guard.admit(request("REGISTER", "phone")));
        assertEquals(8, guard.rateLimited.sum());
    }
}
