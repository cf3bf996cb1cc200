package org.fairdial.media.sdp;

import java.util.List;

/**
 * A parsed SDP (RFC 4566), reduced to what offer/answer for one audio stream needs.
 *
 * @param origin            the {@code o=} value as written, for logs
 * @param connectionAddress session-level {@code c=} address, or null
 * @param direction         session-level direction attribute, or null (sendrecv)
 * @param media             the {@code m=} sections in order
 */
public record SessionDescription(String origin, String connectionAddress, MediaDirection direction,
                                 List<MediaDescription> media) {
    public SessionDescription {
        media = List.copyOf(media);
    }

    /** Effective direction of a media section: its own, else the session's, else sendrecv. */
    public MediaDirection directionOf(MediaDescription m) {
        if (m.direction() != null) {
            return m.direction();
        }
        return direction != null ? direction : MediaDirection.SENDRECV;
    }

    /** Effective connection address of a media section: its own {@code c=}, else the session's. */
    public String connectionAddressOf(MediaDescription m) {
        return m.connectionAddress() != null ? m.connectionAddress() : connectionAddress;
    }
}
