package org.fairdial.media.sdp;

import java.util.List;

/**
 * The SRTP half of offer/answer (RFC 4568 section 7), under a leg's {@link SrtpMode}; docs/security.md has the
 * matrix. RTP/SAVP always means SRTP: an RTP/SAVP section without a crypto line we can use is refused whatever
 * the mode. a=crypto on RTP/AVP is best-effort SRTP (what baresip's {@code mediaenc srtp} writes): taken unless
 * SRTP is off.
 */
final class SrtpNegotiation {
    private SrtpNegotiation() {
    }

    /** The peer's crypto line to take from its offer {@code m}, or null for plain RTP. */
    static CryptoAttribute offered(MediaDescription m, SrtpMode mode) throws SdpException {
        boolean savp = m.proto().equals(OfferAnswer.SECURE_PROTO);
        if (mode == SrtpMode.OFF) {
            return null;
        }
        if (mode == SrtpMode.REQUIRED && !savp && m.cryptos().isEmpty()) {
            throw new SdpException("SRTP is required but the offer is " + m.proto() + " without a=crypto");
        }
        CryptoAttribute chosen = firstUsable(m, null);
        if (chosen == null && (savp || mode == SrtpMode.REQUIRED)) {
            throw new SdpException(noUsableLine(m));
        }
        return chosen;
    }

    /** The peer's crypto line in its answer {@code m} to our offer with {@code ours}, or null for plain RTP. */
    static CryptoAttribute answered(MediaDescription m, SrtpMode mode, List<CryptoAttribute> ours)
            throws SdpException {
        if (mode == SrtpMode.OFF || ours.isEmpty()) {
            return null;
        }
        CryptoAttribute chosen = firstUsable(m, ours);
        if (chosen == null && (mode == SrtpMode.REQUIRED || m.proto().equals(OfferAnswer.SECURE_PROTO)
                || !m.cryptos().isEmpty())) {
            throw new SdpException(mode == SrtpMode.REQUIRED && m.cryptos().isEmpty()
                    ? "SRTP is required but the answer has no a=crypto line" : noUsableLine(m));
        }
        return chosen;
    }

    /** The first line we support and can honour; with {@code ours}, it must also answer one of them. */
    static CryptoAttribute firstUsable(MediaDescription m, List<CryptoAttribute> ours) throws SdpException {
        for (String value : m.cryptos()) {
            CryptoAttribute crypto = CryptoAttribute.parse(value);
            if (crypto == null || crypto.usable() != null) {
                continue;
            }
            if (ours == null || ours.stream().anyMatch(o -> o.tag() == crypto.tag() && o.suite() == crypto.suite())) {
                return crypto;
            }
        }
        return null;
    }

    private static String noUsableLine(MediaDescription m) throws SdpException {
        StringBuilder why = new StringBuilder("no usable a=crypto line (we support AES_CM_128_HMAC_SHA1_80 and _32,"
                + " one inline key, no MKI)");
        for (String value : m.cryptos()) {
            CryptoAttribute crypto = CryptoAttribute.parse(value);
            String problem = crypto == null ? "unknown suite" : crypto.usable();
            if (problem != null) {
                why.append("; ").append(problem);
            }
        }
        return why.toString();
    }
}
