package org.fairdial.media.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.media.codec.Codec;

/**
 * The RFC 3264 decisions for one G.711 audio stream. Applying an answer takes the first codec of the answer we
 * support; answering an offer takes the first codec of the offer we support and echoes the offer's
 * telephone-event payload type, whatever number the peer chose for it (baresip uses 101 for L16 and 105 for
 * telephone-event).
 */
public final class OfferAnswer {
    /** Plain RTP, no AVPF feedback. */
    public static final String PROTO = "RTP/AVP";
    /** SRTP (RFC 3711), keyed by a=crypto (RFC 4568). */
    public static final String SECURE_PROTO = "RTP/SAVP";
    /** Encoding name of RFC 4733 DTMF events. */
    public static final String TELEPHONE_EVENT = "telephone-event";

    private OfferAnswer() {
    }

    /** Negotiates the peer's answer to our plain RTP offer. */
    public static Negotiation applyAnswer(String sdp) throws SdpException {
        return applyAnswer(sdp, SrtpMode.OFF, List.of());
    }

    /**
     * Negotiates the peer's answer to our offer, made under {@code mode} with the a=crypto lines {@code offered}:
     * the answer's crypto line must answer one of ours with the same suite (RFC 4568 section 7.1.3).
     */
    public static Negotiation applyAnswer(String sdp, SrtpMode mode, List<CryptoAttribute> offered)
            throws SdpException {
        SessionDescription answer = SdpParser.parse(sdp);
        int index = firstAudio(answer, "answer");
        MediaDescription m = answer.media().get(index);
        if (m.port() == 0) {
            throw new SdpException("the answer rejects the audio stream (m=audio port 0)");
        }
        Negotiation plain = negotiate(answer, index, mode);
        CryptoAttribute crypto = SrtpNegotiation.answered(m, mode, offered);
        return new Negotiation(plain.media(), plain.peerDirection(), index, crypto, m.proto());
    }

    /**
     * Negotiates an offer from the peer: the first audio stream we can take (RTP/AVP, non-zero port, a codec in
     * common); if there is none, the error is the first audio stream's.
     */
    public static Negotiation answerOffer(SessionDescription offer) throws SdpException {
        return answerOffer(offer, SrtpMode.OFF);
    }

    /**
     * Negotiates an offer from the peer under {@code mode}: as {@link #answerOffer(SessionDescription)}, and the
     * stream must also satisfy the SRTP policy (docs/security.md); the chosen a=crypto line, if any, is in the
     * result.
     */
    public static Negotiation answerOffer(SessionDescription offer, SrtpMode mode) throws SdpException {
        SdpException firstProblem = null;
        for (int i = firstAudio(offer, "offer"); i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            if (!m.media().equals("audio")) {
                continue;
            }
            try {
                if (m.port() == 0) {
                    throw new SdpException("the offer disables the audio stream (m=audio port 0)");
                }
                Negotiation plain = negotiate(offer, i, mode);
                CryptoAttribute crypto = SrtpNegotiation.offered(m, mode);
                return new Negotiation(plain.media(), plain.peerDirection(), i, crypto, m.proto());
            } catch (SdpException e) {
                firstProblem = firstProblem == null ? e : firstProblem;
            }
        }
        throw firstProblem;
    }

    /**
     * Reads an SDP a leg under {@code mode} has already accepted (an answer it applied), for telling later
     * re-offers apart: as an answer, but its a=crypto line is not matched against our offer again.
     */
    public static Negotiation settled(String sdp, SrtpMode mode) throws SdpException {
        SessionDescription sd = SdpParser.parse(sdp);
        int index = firstAudio(sd, "answer");
        Negotiation plain = negotiate(sd, index, mode);
        CryptoAttribute crypto = mode == SrtpMode.OFF ? null : SrtpNegotiation.firstUsable(sd.media().get(index), null);
        return new Negotiation(plain.media(), plain.peerDirection(), index, crypto, sd.media().get(index).proto());
    }

    /** Our codec for a payload type of {@code m}: a static G.711 type whose rtpmap, if any, agrees. */
    static Codec codecOf(MediaDescription m, int payloadType) {
        RtpMap map = m.rtpMaps().get(payloadType);
        for (Codec codec : Codec.values()) {
            if (payloadType == codec.payloadType() && (map == null || map.is(codec.encodingName(), Codec.CLOCK_RATE))) {
                return codec;
            }
        }
        return null;
    }

    /** The first telephone-event/8000 payload type of {@code m}, or -1. */
    static int telephoneEventOf(MediaDescription m) {
        for (int pt : m.payloadTypes()) {
            RtpMap map = m.rtpMaps().get(pt);
            if (map != null && map.is(TELEPHONE_EVENT, Codec.CLOCK_RATE)) {
                return pt;
            }
        }
        return -1;
    }

    private static int firstAudio(SessionDescription sd, String role) throws SdpException {
        for (int i = 0; i < sd.media().size(); i++) {
            if (sd.media().get(i).media().equals("audio")) {
                return i;
            }
        }
        throw new SdpException("no m=audio line in the " + role);
    }

    private static Negotiation negotiate(SessionDescription sd, int index, SrtpMode mode) throws SdpException {
        MediaDescription m = sd.media().get(index);
        boolean secure = m.proto().equals(SECURE_PROTO);
        if (!m.proto().equals(PROTO) && !(secure && mode != SrtpMode.OFF)) {
            throw new SdpException("m=audio uses " + m.proto() + "; only " + PROTO
                    + (mode == SrtpMode.OFF ? " is supported (SRTP is off)" : " and " + SECURE_PROTO + " are supported"));
        }
        Codec codec = null;
        for (int pt : m.payloadTypes()) {
            codec = codecOf(m, pt);
            if (codec != null) {
                break;
            }
        }
        if (codec == null) {
            List<String> offered = new ArrayList<>();
            for (int pt : m.payloadTypes()) {
                offered.add(m.describe(pt));
            }
            throw new SdpException("no common codec: peer has " + (offered.isEmpty() ? "none" : String.join(", ",
                    offered)) + "; we support PCMU/8000 (0), PCMA/8000 (8)");
        }
        InetSocketAddress remote = new InetSocketAddress(address(sd.connectionAddressOf(m)), m.port());
        return new Negotiation(new NegotiatedMedia(remote, codec, telephoneEventOf(m)), sd.directionOf(m), index);
    }

    private static InetAddress address(String text) throws SdpException {
        if (text == null) {
            throw new SdpException("no c= line for the audio stream");
        }
        // Never resolve a host name here: a DNS lookup would block the caller.
        InetAddress address = IpLiterals.parse(text);
        if (address == null) {
            throw new SdpException("c= address '" + SdpParser.quote(text) + "' is not an IP address");
        }
        return address;
    }
}
