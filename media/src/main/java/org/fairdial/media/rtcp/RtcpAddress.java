package org.fairdial.media.rtcp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.fairdial.media.sdp.IpLiterals;

/**
 * Where a peer wants our RTCP: the {@code a=rtcp} attribute of its chosen m= section (RFC 3605: a port and
 * optionally an address) or, without one, the RTP port plus one on the RTP address (RFC 3550 section 11). Read
 * from the SDP text because the SDP model only keeps what RTP negotiation needs; a malformed attribute falls back
 * to port plus one, as if absent.
 */
public final class RtcpAddress {
    private static final String ATTRIBUTE = "a=rtcp:";

    private RtcpAddress() {
    }

    /**
     * @param sdp        the peer's SDP
     * @param mediaIndex index of the m= section negotiated
     * @param rtpRemote  the RTP address negotiated from it
     */
    public static InetSocketAddress of(String sdp, int mediaIndex, InetSocketAddress rtpRemote) {
        int fallbackPort = rtpRemote.getPort() == 0 ? 0 : Math.min(rtpRemote.getPort() + 1, 65535);
        InetSocketAddress fallback = new InetSocketAddress(rtpRemote.getAddress(), fallbackPort);
        int section = -1;
        for (String raw : sdp.split("\r\n|\n|\r")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                section++;
            } else if (section == mediaIndex && line.startsWith(ATTRIBUTE)) {
                return parse(line.substring(ATTRIBUTE.length()).strip(), rtpRemote, fallback);
            }
        }
        return fallback;
    }

    /** "port [IN IP4|IP6 address]". */
    private static InetSocketAddress parse(String value, InetSocketAddress rtpRemote, InetSocketAddress fallback) {
        String[] parts = value.split("\\s+");
        int port;
        try {
            port = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            return fallback;
        }
        if (port < 1 || port > 65535) {
            return fallback;
        }
        // A host name is never looked up (it would block the caller): the RTP address is used instead.
        InetAddress address = parts.length >= 4 && parts[1].equals("IN") ? IpLiterals.parse(parts[3]) : null;
        if (address != null) {
            return new InetSocketAddress(address, port);
        }
        return new InetSocketAddress(rtpRemote.getAddress(), port);
    }
}
