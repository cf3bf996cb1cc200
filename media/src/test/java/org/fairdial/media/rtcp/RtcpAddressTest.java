package org.fairdial.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Where the peer wants RTCP: RFC 3605 a=rtcp, else RTP port + 1. */
class RtcpAddressTest {
    private static final InetSocketAddress RTP = new InetSocketAddress("192.0.2.10", 40000);

    private static String sdp(String audioAttributes) {
        return "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
                + "m=video 0 RTP/AVP 31\r\na=rtcp:1111\r\n"
                + "m=audio 40000 RTP/AVP 0\r\n" + audioAttributes;
    }

    @Test
    void withoutTheAttributeRtcpIsOnThePortAbove() {
        assertEquals(new InetSocketAddress("192.0.2.10", 40001), RtcpAddress.of(sdp(""), 1, RTP));
        assertEquals(new InetSocketAddress("192.0.2.10", 40001), RtcpAddress.of(sdp("a=rtcp-mux\r\n"), 1, RTP));
    }

    @Test
    void portOnlyAttributeKeepsTheRtpAddress() {
        assertEquals(new InetSocketAddress("192.0.2.10", 53020), RtcpAddress.of(sdp("a=rtcp:53020\r\n"), 1, RTP));
    }

    @Test
    void attributeWithAnAddressAsInRfc3605() {
        assertEquals(new InetSocketAddress("126.16.64.4", 53020),
                RtcpAddress.of(sdp("a=rtcp:53020 IN IP4 126.16.64.4\r\n"), 1, RTP));
        assertEquals(new InetSocketAddress("2001:db8::1", 53020),
                RtcpAddress.of(sdp("a=rtcp:53020 IN IP6 2001:db8::1\n"), 1, RTP));
    }

    @Test
    void onlyTheNegotiatedSectionCountsAndBadValuesFallBack() {
        assertEquals(new InetSocketAddress("192.0.2.10", 1111), RtcpAddress.of(sdp(""), 0, RTP));
        assertEquals(new InetSocketAddress("192.0.2.10", 40001), RtcpAddress.of(sdp("a=rtcp:x\r\n"), 1, RTP));
        assertEquals(new InetSocketAddress("192.0.2.10", 40001), RtcpAddress.of(sdp("a=rtcp:70000\r\n"), 1, RTP));
        // A host name is not looked up: the port is taken, the RTP address kept.
        assertEquals(new InetSocketAddress("192.0.2.10", 53020),
                RtcpAddress.of(sdp("a=rtcp:53020 IN IP4 rtcp.example.com\r\n"), 1, RTP));
    }
}
