package org.fairdial.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    @Test
    void baresipOfferInFull() throws SdpException {
        SessionDescription sd = SdpParser.parse(PeerSdp.BARESIP_OFFER);
        assertEquals("- 2029607871 1808925118 IN IP4 192.0.2.2", sd.origin());
        assertEquals("192.0.2.2", sd.connectionAddress());
        MediaDescription m = sd.media().get(0);
        assertEquals("audio", m.media());
        assertEquals(23494, m.port());
        assertEquals(List.of(0, 8, 9, 96, 97, 10, 98, 99, 100, 101, 11, 102, 103, 104, 105), m.payloadTypes());
        assertEquals(new RtpMap(96, "opus", 48000, "2"), m.rtpMaps().get(96));
        assertEquals("0-15", m.fmtps().get(105));
        assertEquals(20, m.ptime());
        assertEquals(MediaDirection.SENDRECV, sd.directionOf(m));
        assertNull(m.connectionAddress());
    }

    @Test
    void carrierQuirks() throws SdpException {
        SessionDescription sd = SdpParser.parse(PeerSdp.CARRIER_OFFER);
        MediaDescription m = sd.media().get(0);
        assertEquals(List.of(18, 13, 8, 0, 100), m.payloadTypes());
        assertEquals("203.0.113.20", sd.connectionAddressOf(m));
        assertEquals(20, m.ptime());
        assertEquals("annexb=no", m.fmtps().get(18));
    }

    @Test
    void brokenAttributesAreIgnored() throws SdpException {
        SessionDescription sd = SdpParser.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio 49170/2 RTP/AVP 0 x\n"
                + "a=rtpmap:zz PCMU/8000\na=rtpmap:0\na=rtpmap:0 PCMU/fast\na=ptime:\na=weird\nnot a line\nZ\n");
        MediaDescription m = sd.media().get(0);
        assertEquals(49170, m.port());
        assertEquals(List.of(0), m.payloadTypes());
        assertEquals(List.of("0", "x"), m.formats());
        assertEquals(0, m.rtpMaps().size());
        assertEquals(-1, m.ptime());
    }

    @Test
    void multicastTtlIsDropped() throws SdpException {
        assertEquals("224.2.1.1", SdpParser.parse("v=0\r\nc=IN IP4 224.2.1.1/127\r\n").connectionAddress());
    }
}
