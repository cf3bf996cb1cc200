package org.fairdial.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.fairdial.media.codec.Codec;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {

    private static Negotiation answer(String offer) throws SdpException {
        return OfferAnswer.answerOffer(SdpParser.parse(offer));
    }

    private static String answerText(String offer) throws SdpException {
        SessionDescription parsed = SdpParser.parse(offer);
        return SdpWriter.answer(7, 2, "198.51.100.1", 20000, 20, parsed, OfferAnswer.answerOffer(parsed));
    }

    private static String error(String sdp, boolean asAnswer) {
        return assertThrows(SdpException.class, () -> {
            if (asAnswer) {
                OfferAnswer.applyAnswer(sdp);
            } else {
                answer(sdp);
            }
        }).getMessage();
    }

    @Test
    void sippUasAnswer() throws SdpException {
        Negotiation n = OfferAnswer.applyAnswer(PeerSdp.SIPP_UAS_ANSWER);
        assertEquals(new NegotiatedMedia(new InetSocketAddress("127.0.0.1", 6000), Codec.PCMU, -1), n.media());
        assertTrue(n.maySend());
    }

    @Test
    void sippUacOfferIsAnsweredWithPcmuAndNoEvents() throws SdpException {
        assertEquals(Codec.PCMU, answer(PeerSdp.SIPP_UAC_OFFER).media().codec());
        assertEquals("v=0\r\n"
                + "o=- 7 2 IN IP4 198.51.100.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 198.51.100.1\r\n"
                + "t=0 0\r\n"
                + "m=audio 20000 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n", answerText(PeerSdp.SIPP_UAC_OFFER));
    }

    @Test
    void baresipOfferEchoesItsTelephoneEventType() throws SdpException {
        Negotiation n = answer(PeerSdp.BARESIP_OFFER);
        assertEquals(new NegotiatedMedia(new InetSocketAddress("192.0.2.2", 23494), Codec.PCMU, 105), n.media());
        String text = answerText(PeerSdp.BARESIP_OFFER);
        assertTrue(text.contains("m=audio 20000 RTP/AVP 0 105\r\n"), text);
        assertTrue(text.contains("a=rtpmap:105 telephone-event/8000\r\na=fmtp:105 0-15\r\n"), text);
        assertFalse(text.contains("101"), "101 is L16 in this offer: " + text);
    }

    @Test
    void offerOrderDecidesTheCodec() throws SdpException {
        assertEquals(Codec.PCMA, answer(PeerSdp.BARESIP_OFFER_WIDEBAND_FIRST).media().codec());
    }

    @Test
    void asteriskAnswer() throws SdpException {
        Negotiation n = OfferAnswer.applyAnswer(PeerSdp.ASTERISK_ANSWER);
        assertEquals(new NegotiatedMedia(new InetSocketAddress("10.0.0.5", 14562), Codec.PCMA, 101), n.media());
    }

    @Test
    void carrierOfferUsesMediaLevelAddress() throws SdpException {
        Negotiation n = answer(PeerSdp.CARRIER_OFFER);
        assertEquals(new NegotiatedMedia(new InetSocketAddress("203.0.113.20", 32000), Codec.PCMA, 100), n.media());
    }

    @Test
    void staticTypesNeedNoRtpmap() throws SdpException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 0\r\n";
        assertEquals(Codec.PCMA, answer(sdp).media().codec());
    }

    @Test
    void aStaticNumberRemappedToAnotherCodecIsNotG711() throws SdpException {
        String sdp = "v=0\r\nc=IN IP4 10.1.1.1\r\nm=audio 4000 RTP/AVP 0 8\r\na=rtpmap:0 G726-32/8000\r\n";
        assertEquals(Codec.PCMA, answer(sdp).media().codec());
    }

    @Test
    void directionIsAnsweredInReverse() throws SdpException {
        String sendonly = PeerSdp.SIPP_UAC_OFFER.replace("a=rtpmap:0 PCMU/8000\r\n",
                "a=rtpmap:0 PCMU/8000\r\na=sendonly\r\n");
        Negotiation n = answer(sendonly);
        assertEquals(MediaDirection.SENDONLY, n.peerDirection());
        assertFalse(n.maySend());
        assertTrue(answerText(sendonly).endsWith("a=recvonly\r\n"));
        String inactive = PeerSdp.SIPP_UAC_OFFER.replace("t=0 0\r\n", "t=0 0\r\na=inactive\r\n");
        assertEquals(MediaDirection.INACTIVE, answer(inactive).peerDirection());
        assertTrue(answerText(inactive).endsWith("a=inactive\r\n"));
        String recvonly = PeerSdp.ASTERISK_ANSWER.replace("a=sendrecv", "a=recvonly");
        assertTrue(OfferAnswer.applyAnswer(recvonly).maySend());
    }

    @Test
    void otherStreamsAreRejectedWithPortZero() throws SdpException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\n"
                + "m=video 5000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                + "m=audio 4000 RTP/SAVP 0\r\n"
                + "m=audio 4002 RTP/AVP 0\r\n";
        Negotiation n = answer(sdp);
        assertEquals(2, n.mediaIndex());
        assertEquals(4002, n.media().remote().getPort());
        String text = answerText(sdp);
        assertTrue(text.contains("m=video 0 RTP/AVP 96\r\nm=audio 0 RTP/SAVP 0\r\nm=audio 20000 RTP/AVP 0\r\n"),
                text);
    }

    @Test
    void ipv6Address() throws SdpException {
        String sdp = "v=0\r\nc=IN IP6 2001:db8::1\r\nm=audio 4000 RTP/AVP 0\r\n";
        assertEquals(new InetSocketAddress("2001:db8::1", 4000), answer(sdp).media().remote());
    }

    @Test
    void failuresSayWhy() {
        String g729 = PeerSdp.ASTERISK_ANSWER.replace("RTP/AVP 8 101", "RTP/AVP 18 101")
                .replace("a=rtpmap:8 PCMA/8000", "a=rtpmap:18 G729/8000");
        String message = error(g729, true);
        assertTrue(message.startsWith("no common codec: peer has 18 (G729/8000), 101 (telephone-event/8000)"),
                message);
        assertEquals("the answer rejects the audio stream (m=audio port 0)",
                error(PeerSdp.ASTERISK_ANSWER.replace("m=audio 14562", "m=audio 0"), true));
        assertEquals("the offer disables the audio stream (m=audio port 0)",
                error(PeerSdp.SIPP_UAC_OFFER.replace("m=audio 6000", "m=audio 0"), false));
        assertEquals("no m=audio line in the answer",
                error("v=0\r\nc=IN IP4 1.2.3.4\r\nm=video 5000 RTP/AVP 96\r\n", true));
        assertEquals("empty SDP", error("  \r\n", true));
        assertEquals("not SDP: first line is 'hello world', expected v=0", error("hello world", false));
        assertEquals("bad port in m= line: 'm=audio abc RTP/AVP 0'",
                error(PeerSdp.SIPP_UAC_OFFER.replace("m=audio 6000", "m=audio abc"), false));
        assertEquals("no c= line for the audio stream",
                error(PeerSdp.SIPP_UAC_OFFER.replace("c=IN IP4 127.0.0.1\r\n", ""), false));
        assertEquals("c= address 'pbx.example.com' is not an IP address",
                error(PeerSdp.SIPP_UAC_OFFER.replace("c=IN IP4 127.0.0.1", "c=IN IP4 pbx.example.com"), false));
        assertEquals("m=audio uses RTP/SAVP; only RTP/AVP is supported (SRTP is off)",
                error(PeerSdp.SIPP_UAC_OFFER.replace("RTP/AVP", "RTP/SAVP"), false));
    }

    @Test
    void ourOfferParsesBackToPcmuWithEvents() throws SdpException {
        String offer = SdpWriter.offer(42, 1, "192.0.2.7", 20002, 20);
        assertEquals("v=0\r\n"
                + "o=- 42 1 IN IP4 192.0.2.7\r\n"
                + "s=-\r\n"
                + "c=IN IP4 192.0.2.7\r\n"
                + "t=0 0\r\n"
                + "m=audio 20002 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n", offer);
        Negotiation n = OfferAnswer.applyAnswer(offer);
        assertEquals(new NegotiatedMedia(new InetSocketAddress("192.0.2.7", 20002), Codec.PCMU, 101), n.media());
    }
}
