package org.fairdial.media.relay;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.media.MediaConfig;

/** Every problem with a {@link MediaConfig}, found at once so that start-up fails with the complete list. */
final class MediaConfigCheck {
    private static final int MIN_PTIME_MS = 10;
    private static final int MAX_PTIME_MS = 60;

    private MediaConfigCheck() {
    }

    static List<String> problems(MediaConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.bindAddress() == null || !NetUtil.isValidIpV4Address(config.bindAddress())
                && !NetUtil.isValidIpV6Address(config.bindAddress())) {
            problems.add("bind-address '" + config.bindAddress() + "' is not an IP address");
        }
        if (config.advertisedAddress() == null || !NetUtil.isValidIpV4Address(config.advertisedAddress())
                && !NetUtil.isValidIpV6Address(config.advertisedAddress())) {
            problems.add("advertised-address '" + config.advertisedAddress() + "' is not an IP address");
        }
        int min = config.portMin();
        int max = config.portMax();
        if (min < 1 || max > 65535 || min + (min & 1) > max) {
            problems.add("rtp-port-min/max " + min + "-" + max + " must be within 1-65535 and hold an even port");
        }
        long ptime = config.packetTime() == null ? -1 : config.packetTime().toNanos();
        if (ptime % 1_000_000 != 0 || ptime < MIN_PTIME_MS * 1_000_000L || ptime > MAX_PTIME_MS * 1_000_000L) {
            problems.add("packet-time " + config.packetTime() + " must be whole milliseconds in "
                    + MIN_PTIME_MS + "-" + MAX_PTIME_MS + " ms");
        }
        if (!(config.comfortNoiseDbfs() <= 0)) {
            problems.add("comfort-noise-level " + config.comfortNoiseDbfs() + " must be at most 0 dBFS");
        }
        if (config.ioThreads() < 0) {
            problems.add("io-threads " + config.ioThreads() + " must be 0 (one per core) or more");
        }
        return problems;
    }
}
