package org.fairdial.media;

import java.time.Duration;

/**
 * Settings of the media plane, read once from {@code dialer.media} (see this module's reference.conf); the rules
 * they must meet are {@link org.fairdial.media.MediaConfigCheck}'s.
 *
 * @param bindAddress         local address RTP sockets bind to
 * @param advertisedAddress   address written into SDP (c=) for peers to send RTP to
 * @param portMin             first RTP port of the range (even)
 * @param portMax             last RTP port of the range (inclusive)
 * @param comfortNoiseDbfs    RMS level of the generated comfort noise in dBFS (e.g. -50)
 * @param packetTime          RTP packetisation interval of generated audio (whole ms, 10..60)
 * @param ioThreads           Netty event-loop threads for RTP (0 = number of cores)
 */
public record MediaConfig(
        String bindAddress,
        String advertisedAddress,
        int portMin,
        int portMax,
        double comfortNoiseDbfs,
        Duration packetTime,
        int ioThreads) {
}
