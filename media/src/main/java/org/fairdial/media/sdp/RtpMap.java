package org.fairdial.media.sdp;

/**
 * One {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<parameters>]} attribute (RFC 4566 section 6).
 *
 * @param payloadType payload type it maps
 * @param encoding    encoding name as written (compare case-insensitively, RFC 4855 section 3)
 * @param clockRate   RTP clock rate in Hz
 * @param parameters  encoding parameters (channels for audio), or empty
 */
public record RtpMap(int payloadType, String encoding, int clockRate, String parameters) {

    /** Whether this maps to {@code encodingName} at {@code rate} Hz, mono. */
    public boolean is(String encodingName, int rate) {
        return encoding.equalsIgnoreCase(encodingName) && clockRate == rate
                && (parameters.isEmpty() || parameters.equals("1"));
    }

    @Override
    public String toString() {
        return encoding + "/" + clockRate + (parameters.isEmpty() ? "" : "/" + parameters);
    }
}
