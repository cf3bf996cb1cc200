package org.fairdial.media.relay;

import java.util.List;
import org.fairdial.media.rtcp.RtcpSession;
import org.fairdial.media.sdp.CryptoAttribute;
import org.fairdial.media.sdp.Negotiation;
import org.fairdial.media.sdp.OfferAnswer;
import org.fairdial.media.sdp.SrtpMode;
import org.fairdial.media.sdp.SrtpSuite;
import org.fairdial.media.srtp.SrtpSession;

/**
 * One leg's SRTP: its mode, the keys it offers (one per suite, fixed for the leg so a re-offer keeps them), and
 * the session in use, installed on the event loop in the {@link SrtpInbound} handler and the
 * {@link OutboundStream} at once. A re-negotiation that keeps both keys keeps the session, and with it the
 * rollover counters and replay windows (RFC 3711 section 3.3.1); a new key means a new session.
 *
 * <p>{@link #forAnswer} and {@link #forOffer} run on the caller's thread (call control's executor, one at a time
 * per leg); {@link #apply} on the event loop.
 */
final class LegSrtp {
    private final SrtpMode mode;
    private final SrtpInbound inbound;
    private final List<CryptoAttribute> offered;
    private volatile SrtpSession negotiated;
    private SrtpSession applied;

    LegSrtp(SrtpMode mode, SrtpInbound inbound) {
        this.mode = mode;
        this.inbound = inbound;
        this.offered = mode == SrtpMode.OFF ? List.of() : List.of(
                CryptoAttribute.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80),
                CryptoAttribute.generate(2, SrtpSuite.AES_CM_128_HMAC_SHA1_32));
    }

    SrtpMode mode() {
        return mode;
    }

    /** RTP/SAVP when SRTP is required; else RTP/AVP, with a=crypto lines when offered (docs/security.md). */
    String offeredProto() {
        return mode == SrtpMode.REQUIRED ? OfferAnswer.SECURE_PROTO : OfferAnswer.PROTO;
    }

    List<CryptoAttribute> offeredCryptos() {
        return offered;
    }

    /** The session for the peer's answer to our offer: our line of the tag it took, its key. */
    SrtpSession forAnswer(Negotiation answer) {
        if (!answer.secure()) {
            return remember(null);
        }
        CryptoAttribute ours = offered.stream().filter(c -> c.tag() == answer.crypto().tag()).findFirst()
                .orElseThrow();
        return remember(reuseOr(ours, answer.crypto()));
    }

    /** The session for the peer's offer: its key, and ours for the line it offered (kept if unchanged). */
    SrtpSession forOffer(Negotiation offer) {
        if (!offer.secure()) {
            return remember(null);
        }
        SrtpSession current = negotiated;
        CryptoAttribute ours = current != null && current.local().tag() == offer.crypto().tag()
                && current.local().suite() == offer.crypto().suite()
                ? current.local() : offer.crypto().answeredWithOwnKey();
        return remember(reuseOr(ours, offer.crypto()));
    }

    private SrtpSession reuseOr(CryptoAttribute ours, CryptoAttribute theirs) {
        SrtpSession current = negotiated;
        if (current != null && current.local().equals(ours) && current.remote().equals(theirs)) {
            return current;
        }
        return new SrtpSession(ours, theirs);
    }

    private SrtpSession remember(SrtpSession session) {
        negotiated = session;
        return session;
    }

    /** Installs {@code session} (null: plain RTP and RTCP) on the event loop, for RTP and RTCP at once. */
    void apply(SrtpSession session, OutboundStream outbound, RtcpSession rtcp) {
        if (session == applied) {
            return;
        }
        inbound.use(session);
        outbound.protectWith(session);
        rtcp.protectWith(session);
        if (applied != null) {
            applied.close();
        }
        applied = session;
    }

    boolean secure() {
        return negotiated != null;
    }

    long dropped() {
        return inbound.dropped();
    }
}
