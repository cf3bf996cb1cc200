package org.fairdial.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section of an SDP, with the attributes the dialer uses; everything else is ignored.
 *
 * @param media             media type ({@code audio}, {@code video}, {@code image} ...)
 * @param port              transport port; 0 means the stream is rejected or disabled (RFC 3264 section 6)
 * @param proto             transport protocol, e.g. {@code RTP/AVP}
 * @param formats           format list as written (payload types for RTP)
 * @param connectionAddress address of this section's {@code c=}, or null to use the session's
 * @param rtpMaps           {@code a=rtpmap} by payload type
 * @param fmtps             {@code a=fmtp} parameters by payload type
 * @param ptime             {@code a=ptime} in milliseconds, or -1
 * @param direction         direction attribute of this section, or null to use the session's
 * @param cryptos           {@code a=crypto} values (RFC 4568) as written, in order, parsed only when negotiated
 */
public record MediaDescription(String media, int port, String proto, List<String> formats,
                               String connectionAddress, Map<Integer, RtpMap> rtpMaps, Map<Integer, String> fmtps,
                               int ptime, MediaDirection direction, List<String> cryptos) {
    public MediaDescription {
        formats = List.copyOf(formats);
        cryptos = List.copyOf(cryptos);
        rtpMaps = Map.copyOf(rtpMaps);
        fmtps = Map.copyOf(fmtps);
    }

    /** A section without a=crypto lines. */
    public MediaDescription(String media, int port, String proto, List<String> formats, String connectionAddress,
                            Map<Integer, RtpMap> rtpMaps, Map<Integer, String> fmtps, int ptime,
                            MediaDirection direction) {
        this(media, port, proto, formats, connectionAddress, rtpMaps, fmtps, ptime, direction, List.of());
    }

    /** The formats that are payload type numbers, in order of preference. */
    public List<Integer> payloadTypes() {
        List<Integer> types = new ArrayList<>(formats.size());
        for (String format : formats) {
            try {
                int pt = Integer.parseInt(format);
                if (pt >= 0 && pt <= 127) {
                    types.add(pt);
                }
            } catch (NumberFormatException e) {
                // Not RTP (e.g. "t38" on m=image): no payload type to offer.
            }
        }
        return types;
    }

    /** A human-readable name for a payload type, for error messages. */
    String describe(int payloadType) {
        RtpMap map = rtpMaps.get(payloadType);
        return map != null ? payloadType + " (" + map + ")" : String.valueOf(payloadType);
    }
}
