package org.fairdial.media.sdp;

/** SDP bodies as real peers send them, kept verbatim (line endings included) as regression fixtures. */
final class PeerSdp {
    /** SIPp 3.6.1 built-in {@code -sd uac} INVITE body, rendered for 127.0.0.1 and media port 6000. */
    static final String SIPP_UAC_OFFER = "v=0\r\n"
            + "o=user1 53655765 2353687637 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "m=audio 6000 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "\r\n";

    /** SIPp 3.6.1 built-in {@code -sd uas} 200 OK body (the same text as its offer). */
    static final String SIPP_UAS_ANSWER = SIPP_UAC_OFFER;

    /**
     * baresip 1.0.0 INVITE offer, captured on this machine (g711, g722, opus and l16 modules loaded). Note PT 101
     * is L16 here and telephone-event is 105.
     */
    static final String BARESIP_OFFER = "v=0\r\n"
            + "o=- 2029607871 1808925118 IN IP4 192.0.2.2\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.2\r\n"
            + "t=0 0\r\n"
            + "a=tool:baresip 1.0.0\r\n"
            + "m=audio 23494 RTP/AVP 0 8 9 96 97 10 98 99 100 101 11 102 103 104 105\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:9 G722/8000\r\n"
            + "a=rtpmap:96 opus/48000/2\r\n"
            + "a=fmtp:96 stereo=1;sprop-stereo=1\r\n"
            + "a=rtpmap:97 L16/48000/2\r\n"
            + "a=rtpmap:10 L16/44100/2\r\n"
            + "a=rtpmap:98 L16/32000/2\r\n"
            + "a=rtpmap:99 L16/16000/2\r\n"
            + "a=rtpmap:100 L16/8000/2\r\n"
            + "a=rtpmap:101 L16/48000\r\n"
            + "a=rtpmap:11 L16/44100\r\n"
            + "a=rtpmap:102 L16/32000\r\n"
            + "a=rtpmap:103 L16/16000\r\n"
            + "a=rtpmap:104 L16/8000\r\n"
            + "a=rtpmap:105 telephone-event/8000\r\n"
            + "a=fmtp:105 0-15\r\n"
            + "a=sendrecv\r\n"
            + "a=label:1\r\n"
            + "a=rtcp-rsize\r\n"
            + "a=ssrc:1876180562 cname:sip:1002@127.0.0.1\r\n"
            + "a=minptime:4\r\n"
            + "a=ptime:20\r\n";

    /** The same baresip offer with the opus/G.722 preference a user would configure: G.711 A-law before µ-law. */
    static final String BARESIP_OFFER_WIDEBAND_FIRST = BARESIP_OFFER
            .replace("RTP/AVP 0 8 9 96", "RTP/AVP 96 9 8 0");

    /** Asterisk (chan_pjsip) 200 OK to our offer: PCMA and telephone-event, s=Asterisk, maxptime. */
    static final String ASTERISK_ANSWER = "v=0\r\n"
            + "o=- 1710000000 1710000002 IN IP4 10.0.0.5\r\n"
            + "s=Asterisk\r\n"
            + "c=IN IP4 10.0.0.5\r\n"
            + "t=0 0\r\n"
            + "m=audio 14562 RTP/AVP 8 101\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\n"
            + "a=ptime:20\r\n"
            + "a=maxptime:150\r\n"
            + "a=sendrecv\r\n";

    /**
     * A carrier SBC offer: bare LF line ends, trailing blanks, media-level c= overriding the session's, G.729 and
     * CN first, bandwidth line, decimal ptime.
     */
    static final String CARRIER_OFFER = "v=0\n"
            + "o=Sonus_UAC 123456 654321 IN IP4 203.0.113.10\n"
            + "s=SIP Media Capabilities\n"
            + "c=IN IP4 203.0.113.10\n"
            + "t=0 0\n"
            + "m=audio 32000 RTP/AVP 18 13 8 0 100 \n"
            + "c=IN IP4 203.0.113.20\n"
            + "b=AS:64\n"
            + "a=rtpmap:18 G729/8000\n"
            + "a=fmtp:18 annexb=no\n"
            + "a=rtpmap:13 CN/8000\n"
            + "a=rtpmap:8 PCMA/8000\n"
            + "a=rtpmap:0 PCMU/8000\n"
            + "a=rtpmap:100 telephone-event/8000\n"
            + "a=fmtp:100 0-15\n"
            + "a=ptime:20.0\n"
            + "a=silenceSupp:off - - - -\n"
            + "a=sendrecv\n";

    private PeerSdp() {
    }
}
