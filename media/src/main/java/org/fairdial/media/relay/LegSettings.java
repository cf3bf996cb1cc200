package org.fairdial.media.relay;

import org.fairdial.media.MediaConfig;
import org.fairdial.media.codec.Codec;

/**
 * What every leg of an engine shares, derived once from {@link MediaConfig}.
 *
 * @param advertisedAddress address for our SDP
 * @param ptimeMs           packet time in milliseconds
 * @param frameSamples      samples a packet at 8 kHz
 * @param noiseDbfs         comfort-noise level
 */
record LegSettings(String advertisedAddress, int ptimeMs, int frameSamples, double noiseDbfs) {

    static LegSettings of(MediaConfig config) {
        int ptime = (int) config.packetTime().toMillis();
        return new LegSettings(config.advertisedAddress(), ptime, ptime * Codec.CLOCK_RATE / 1000,
                config.comfortNoiseDbfs());
    }

    long periodNanos() {
        return ptimeMs * 1_000_000L;
    }
}
