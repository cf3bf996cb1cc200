package org.fairdial.media.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses SDP (RFC 4566) the way real peers write it rather than the way the grammar says: CRLF or bare LF,
 * trailing spaces, unknown line types and attributes (b=, a=rtcp, a=ssrc, a=label ...) are ignored, {@code c=}
 * may be at session or media level, and static payload types need no rtpmap. What the dialer cannot do without
 * (the v= line, numeric m= ports) is an {@link SdpException} naming the line.
 */
public final class SdpParser {
    private static final int QUOTE_LIMIT = 60;

    private SdpParser() {
    }

    /** Parses {@code text}. */
    public static SessionDescription parse(String text) throws SdpException {
        if (text == null || text.isBlank()) {
            throw new SdpException("empty SDP");
        }
        Session session = new Session();
        boolean first = true;
        for (String raw : text.split("\r\n|\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (first) {
                if (!line.equals("v=0")) {
                    throw new SdpException("not SDP: first line is '" + quote(line) + "', expected v=0");
                }
                first = false;
                continue;
            }
            if (line.length() >= 2 && line.charAt(1) == '=') {
                session.line(line.charAt(0), line.substring(2).strip(), line);
            }
        }
        return session.build();
    }

    static String quote(String line) {
        return line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT) + "...";
    }

    /** Accumulates the session section, then the m= sections in turn. */
    private static final class Session {
        private String origin = "";
        private String connection;
        private MediaDirection direction;
        private final List<Media> media = new ArrayList<>();

        void line(char type, String value, String line) throws SdpException {
            Media current = media.isEmpty() ? null : media.get(media.size() - 1);
            switch (type) {
                case 'o' -> origin = value;
                case 'c' -> {
                    String address = connectionAddress(value, line);
                    if (current != null) {
                        current.connection = address;
                    } else {
                        connection = address;
                    }
                }
                case 'm' -> media.add(new Media(value, line));
                case 'a' -> {
                    if (current != null) {
                        current.attribute(value);
                    } else {
                        MediaDirection d = MediaDirection.fromAttribute(value);
                        direction = d != null ? d : direction;
                    }
                }
                default -> {
                    // i=, u=, e=, p=, b=, t=, r=, z=, k= carry nothing the dialer uses.
                }
            }
        }

        SessionDescription build() {
            List<MediaDescription> sections = new ArrayList<>(media.size());
            for (Media m : media) {
                sections.add(m.build());
            }
            return new SessionDescription(origin, connection, direction, sections);
        }

        private static String connectionAddress(String value, String line) throws SdpException {
            String[] parts = value.split("\\s+");
            if (parts.length < 3 || !parts[0].equals("IN")) {
                throw new SdpException("bad c= line: '" + quote(line) + "'");
            }
            // Multicast addresses may carry /ttl/count; the dialer only does unicast, keep the address.
            int slash = parts[2].indexOf('/');
            return slash < 0 ? parts[2] : parts[2].substring(0, slash);
        }
    }

    /** One m= section while its attributes are read. */
    private static final class Media {
        private final String type;
        private final int port;
        private final String proto;
        private final List<String> formats;
        private String connection;
        private final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        private final Map<Integer, String> fmtps = new HashMap<>();
        private int ptime = -1;
        private MediaDirection direction;
        private final List<String> cryptos = new ArrayList<>();

        Media(String value, String line) throws SdpException {
            String[] parts = value.split("\\s+");
            if (parts.length < 3) {
                throw new SdpException("bad m= line: '" + quote(line) + "'");
            }
            type = parts[0];
            String portText = parts[1];
            int slash = portText.indexOf('/');
            try {
                port = Integer.parseInt(slash < 0 ? portText : portText.substring(0, slash));
            } catch (NumberFormatException e) {
                throw new SdpException("bad port in m= line: '" + quote(line) + "'");
            }
            if (port < 0 || port > 65535) {
                throw new SdpException("port out of range in m= line: '" + quote(line) + "'");
            }
            proto = parts[2];
            formats = Arrays.asList(parts).subList(3, parts.length);
        }

        void attribute(String value) {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            String arg = colon < 0 ? "" : value.substring(colon + 1).strip();
            switch (name) {
                case "rtpmap" -> rtpMap(arg);
                case "fmtp" -> {
                    String[] parts = arg.split("\\s+", 2);
                    Integer pt = payloadType(parts[0]);
                    if (pt != null) {
                        fmtps.put(pt, parts.length > 1 ? parts[1] : "");
                    }
                }
                case "ptime" -> ptime = milliseconds(arg);
                case "crypto" -> cryptos.add(arg);
                default -> {
                    MediaDirection d = MediaDirection.fromAttribute(name);
                    direction = d != null ? d : direction;
                }
            }
        }

        private void rtpMap(String arg) {
            // "<pt> <encoding>/<clock>[/<params>]"; a broken rtpmap just leaves its payload type unknown.
            String[] parts = arg.split("\\s+", 2);
            Integer pt = payloadType(parts[0]);
            if (pt == null || parts.length < 2) {
                return;
            }
            String[] encoding = parts[1].strip().split("/", 3);
            if (encoding.length < 2) {
                return;
            }
            try {
                rtpMaps.put(pt, new RtpMap(pt, encoding[0], Integer.parseInt(encoding[1].strip()),
                        encoding.length > 2 ? encoding[2].strip() : ""));
            } catch (NumberFormatException e) {
                // Unknown clock rate: leave the payload type unmapped.
            }
        }

        private static Integer payloadType(String text) {
            try {
                int pt = Integer.parseInt(text);
                return pt >= 0 && pt <= 127 ? pt : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static int milliseconds(String text) {
            try {
                // Some carriers write a=ptime:20.0
                return (int) Math.round(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        MediaDescription build() {
            return new MediaDescription(type, port, proto, formats, connection, rtpMaps, fmtps, ptime, direction, cryptos);
        }
    }
}
