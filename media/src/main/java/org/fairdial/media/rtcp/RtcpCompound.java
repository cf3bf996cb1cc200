package org.fairdial.media.rtcp;

import java.util.List;

/**
 * A compound RTCP packet (RFC 3550 section 6.1) reduced to what a leg uses: the first report (SR or RR) of its
 * sender, the sender's CNAME, and whether it says BYE. Other packet types (APP, XR, RTPFB...) and other SDES
 * items are skipped on parsing.
 *
 * @param ssrc       SSRC of the reporting source
 * @param senderInfo the SR's sender information, or null for an RR
 * @param reports    reception report blocks
 * @param cname      SDES CNAME of {@code ssrc}, or null if absent
 * @param bye        a BYE for {@code ssrc} closes the packet
 */
public record RtcpCompound(long ssrc, SenderInfo senderInfo, List<ReportBlock> reports, String cname,
                           boolean bye) implements RtcpParseResult {
    public RtcpCompound {
        reports = List.copyOf(reports);
    }
}
