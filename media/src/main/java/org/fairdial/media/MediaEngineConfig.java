package org.fairdial.media;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Which {@link MediaEngine} carries the calls, read once from {@code dialer.media.engine} and
 * {@code dialer.media.kurento} (this module's reference.conf).
 *
 * @param engine  the engine
 * @param kurento the Kurento engine's settings (read and checked whatever the engine, so a typo fails early)
 */
public record MediaEngineConfig(Engine engine, Kurento kurento) {

    /** The engines; the names are the values of {@code dialer.media.engine}. */
    public enum Engine {
        /** The built-in Netty RTP relay ({@link org.fairdial.media.relay.NettyMediaEngine}). */
        BUILTIN,
        /** A Kurento Media Server, driven over its JSON-RPC WebSocket (module fairdial-kurento). */
        KURENTO
    }

    public MediaEngineConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(kurento, "kurento");
    }

    /**
     * How the dialer reaches a Kurento Media Server (KMS).
     *
     * @param url               the KMS JSON-RPC WebSocket, e.g. {@code ws://kurento:8888/kurento}
     * @param connectTimeout    how long opening the WebSocket may take
     * @param requestTimeout    how long one JSON-RPC request (create an endpoint, process an SDP) may take
     * @param reconnectInterval the least time between two failed attempts to connect: once the connection is
     *                          lost (its calls end), the next call tries at once, later ones after this interval
     * @param promptDirectory   where the dialer writes the rendered treatments (WAV) for KMS to play; a directory
     *                          both can reach (a shared volume)
     * @param promptUri         the same directory as KMS sees it, a {@code file://} or {@code http://} URI prefix
     */
    public record Kurento(URI url, Duration connectTimeout, Duration requestTimeout, Duration reconnectInterval,
                          Path promptDirectory, String promptUri) {
    }
}
