package org.fairdial.media;

import org.fairdial.media.sdp.IpLiterals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.media.MediaConfig;

/**
 * The rules of {@code dialer.media}: what this relay supports, in one place. The server's configuration loader
 * reports each broken rule with the key's file:line, so {@code dialer check} and start-up refuse the same file
 * with the same lines; {@link NettyMediaEngine#start} applies them again to settings built in code.
 *
 * <p>Packet time: every generated frame is {@code ptime * 8} samples at 8 kHz (G.711), paced on its own timer,
 * written into our SDP as {@code a=ptime}, and relayed packets pass through whatever size they are, so any whole
 * number of milliseconds works (relay/PacketTimeIT). The range keeps a packet between 80 and 480 payload bytes,
 * well inside one datagram; 20 ms is G.711's default packetisation (RFC 3551 section 4.5).
 */
public final class MediaConfigCheck {
    public static final int MIN_PTIME_MS = 10;
    public static final int MAX_PTIME_MS = 60;
    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 65535;
    public static final double MIN_NOISE_DBFS = -70;
    public static final double MAX_NOISE_DBFS = -20;
    public static final int MAX_IO_THREADS = 64;

    /**
     * One broken rule.
     *
     * @param key   key under {@code dialer.media}, e.g. {@code packet-time}
     * @param value the value as the record holds it
     * @param rule  what is wrong, phrased to follow the value
     */
    public record Problem(String key, String value, String rule) {
        /** {@code dialer.media.packet-time 70 ms must be ...}. */
        public String format() {
            return "dialer.media." + key + " " + value + " " + rule;
        }
    }

    private MediaConfigCheck() {
    }

    /** Every broken rule of {@code config}, in key order of the reference.conf. */
    public static List<Problem> problems(MediaConfig config) {
        List<Problem> problems = new ArrayList<>();
        address(problems, "bind-address", config.bindAddress());
        address(problems, "advertised-address", config.advertisedAddress());
        int min = config.portMin();
        int max = config.portMax();
        if (min < MIN_PORT || min > MAX_PORT - 1) {
            problems.add(new Problem("rtp-port-min", String.valueOf(min),
                    "is outside " + MIN_PORT + ".." + (MAX_PORT - 1)));
        } else if (min % 2 != 0) {
            problems.add(new Problem("rtp-port-min", String.valueOf(min),
                    "must be even (RTP uses even ports, RFC 3550 11)"));
        }
        if (max < MIN_PORT + 1 || max > MAX_PORT) {
            problems.add(new Problem("rtp-port-max", String.valueOf(max),
                    "is outside " + (MIN_PORT + 1) + ".." + MAX_PORT));
        } else if (max <= min) {
            problems.add(new Problem("rtp-port-max", String.valueOf(max), "must be above rtp-port-min " + min));
        }
        double noise = config.comfortNoiseDbfs();
        if (!(noise >= MIN_NOISE_DBFS && noise <= MAX_NOISE_DBFS)) {
            problems.add(new Problem("comfort-noise-level", String.valueOf(noise), "must be " + (int) MIN_NOISE_DBFS
                    + ".." + (int) MAX_NOISE_DBFS + " dBFS: audible, and above A-law's digital silence (-72 dBFS)"));
        }
        Duration ptime = config.packetTime();
        if (ptime == null || ptime.toNanos() % 1_000_000 != 0 || ptime.toMillis() < MIN_PTIME_MS
                || ptime.toMillis() > MAX_PTIME_MS) {
            problems.add(new Problem("packet-time", ptime == null ? "null" : millis(ptime),
                    "must be a whole number of milliseconds in " + MIN_PTIME_MS + ".." + MAX_PTIME_MS));
        }
        if (config.ioThreads() < 0 || config.ioThreads() > MAX_IO_THREADS) {
            problems.add(new Problem("io-threads", String.valueOf(config.ioThreads()),
                    "is outside 0.." + MAX_IO_THREADS + " (0: one per core)"));
        }
        return problems;
    }

    private static String millis(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    }

    private static void address(List<Problem> problems, String key, String value) {
        if (value == null || IpLiterals.parse(value) == null) {
            problems.add(new Problem(key, String.valueOf(value), "is not an IP address (IPv4 or IPv6 literal)"));
        }
    }
}
