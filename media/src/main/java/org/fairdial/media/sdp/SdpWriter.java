package org.fairdial.media.sdp;

import java.util.List;
import java.util.Locale;
import org.fairdial.media.codec.Codec;

/**
 * Writes our SDP: an offer of PCMU, PCMA and telephone-event (RFC 4733, events 0-16), or the answer to a peer's
 * offer. Lines end in CRLF (RFC 4566 section 5). Every section of an offer we do not take is answered with port
 * 0, as RFC 3264 section 6 requires the answer to have as many m= lines as the offer.
 */
public final class SdpWriter {
    /** The payload type we offer for telephone-event. */
    public static final int OFFERED_TELEPHONE_EVENT_PT = 101;
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /**
     * Our offer.
     *
     * @param sessionId o= session id (fixed for the leg)
     * @param version   o= version (one more for every SDP we send in the session)
     * @param address   advertised IP address for c= and o=
     * @param port      our RTP port
     * @param ptimeMs   packet time
     */
    public static String offer(long sessionId, long version, String address, int port, int ptimeMs) {
        return offer(sessionId, version, address, port, ptimeMs, OfferAnswer.PROTO, List.of());
    }

    /**
     * Our offer with SRTP: {@code proto} RTP/SAVP or RTP/AVP (best-effort SRTP), and our a=crypto lines.
     */
    public static String offer(long sessionId, long version, String address, int port, int ptimeMs, String proto,
                               List<CryptoAttribute> cryptos) {
        StringBuilder sdp = header(sessionId, version, address);
        int te = OFFERED_TELEPHONE_EVENT_PT;
        line(sdp, "m=audio " + port + " " + proto + " " + Codec.PCMU.payloadType() + " "
                + Codec.PCMA.payloadType() + " " + te);
        crypto(sdp, cryptos);
        rtpMap(sdp, Codec.PCMU.payloadType(), Codec.PCMU.encodingName());
        rtpMap(sdp, Codec.PCMA.payloadType(), Codec.PCMA.encodingName());
        rtpMap(sdp, te, OfferAnswer.TELEPHONE_EVENT);
        line(sdp, "a=fmtp:" + te + " 0-16");
        line(sdp, "a=ptime:" + ptimeMs);
        line(sdp, "a=" + MediaDirection.SENDRECV.attribute());
        return sdp.toString();
    }

    /** Our answer to {@code offer}, given what {@link OfferAnswer#answerOffer} chose. */
    public static String answer(long sessionId, long version, String address, int port, int ptimeMs,
                                SessionDescription offer, Negotiation chosen) {
        return answer(sessionId, version, address, port, ptimeMs, offer, chosen, null);
    }

    /** Our answer, with {@code ours} (our key, under the tag of the peer's chosen line) if SRTP was agreed. */
    public static String answer(long sessionId, long version, String address, int port, int ptimeMs,
                                SessionDescription offer, Negotiation chosen, CryptoAttribute ours) {
        StringBuilder sdp = header(sessionId, version, address);
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            if (i != chosen.mediaIndex()) {
                line(sdp, "m=" + m.media() + " 0 " + m.proto() + " "
                        + (m.formats().isEmpty() ? "0" : String.join(" ", m.formats())));
                continue;
            }
            Codec codec = chosen.media().codec();
            int te = chosen.media().telephoneEventPt();
            line(sdp, "m=audio " + port + " " + chosen.proto() + " " + codec.payloadType()
                    + (te >= 0 ? " " + te : ""));
            crypto(sdp, ours == null ? List.of() : List.of(ours));
            rtpMap(sdp, codec.payloadType(), codec.encodingName());
            if (te >= 0) {
                rtpMap(sdp, te, OfferAnswer.TELEPHONE_EVENT);
                String fmtp = m.fmtps().get(te);
                if (fmtp != null && !fmtp.isEmpty()) {
                    line(sdp, "a=fmtp:" + te + " " + fmtp);
                }
            }
            line(sdp, "a=ptime:" + ptimeMs);
            line(sdp, "a=" + chosen.peerDirection().answer().attribute());
        }
        return sdp.toString();
    }

    private static StringBuilder header(long sessionId, long version, String address) {
        String family = address.indexOf(':') >= 0 ? "IP6" : "IP4";
        StringBuilder sdp = new StringBuilder(256);
        line(sdp, "v=0");
        line(sdp, String.format(Locale.ROOT, "o=- %d %d IN %s %s", sessionId, version, family, address));
        line(sdp, "s=-");
        line(sdp, "c=IN " + family + " " + address);
        line(sdp, "t=0 0");
        return sdp;
    }

    private static void crypto(StringBuilder sdp, List<CryptoAttribute> cryptos) {
        for (CryptoAttribute crypto : cryptos) {
            line(sdp, "a=crypto:" + crypto.format());
        }
    }

    private static void rtpMap(StringBuilder sdp, int payloadType, String encoding) {
        line(sdp, "a=rtpmap:" + payloadType + " " + encoding + "/8000");
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append(CRLF);
    }
}
