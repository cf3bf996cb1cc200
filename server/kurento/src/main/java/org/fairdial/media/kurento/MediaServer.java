package org.fairdial.media.kurento;

import java.util.function.Consumer;

/**
 * What the Kurento engine needs of a media server, one JSON-RPC round trip a call (each may throw a {@link
 * RuntimeException} when the server refuses or cannot be reached). A seam: {@link KurentoMediaServer} is the real
 * one; tests give a recording one, so the engine's lifecycle and failure handling are tested without a server.
 */
interface MediaServer extends AutoCloseable {

    /** A new media pipeline; {@code onError} hears the server's error events about it (reason text). */
    Pipeline createPipeline(Consumer<String> onError);

    /** Whether the connection is still up (false once it was lost or closed). */
    boolean connected();

    /** Closes the connection; pipelines still on the server are released by it when their session ends. */
    @Override
    void close();

    /** One media pipeline: the elements of one call. */
    interface Pipeline {
        Endpoint createRtpEndpoint();

        /** A player of {@code uri}; {@code onEndOfStream} runs on a client thread when the file has been played. */
        Player createPlayer(String uri, Runnable onEndOfStream);

        /** Releases the pipeline and every element in it. */
        void release();
    }

    /** An RtpEndpoint: plain RTP/AVP, SDP offer/answer done by the server. */
    interface Endpoint {
        /** An SDP offer from the server (audio only). */
        String generateOffer();

        void processAnswer(String sdpAnswer);

        /** The server's SDP answer to {@code sdpOffer}. */
        String processOffer(String sdpOffer);

        /** Sends this endpoint's received media to {@code sink}. */
        void connect(Endpoint sink);

        void disconnect(Endpoint sink);

        /** The server's counters for this endpoint's audio. */
        EndpointStats stats();

        void release();
    }

    /** A PlayerEndpoint. */
    interface Player {
        void connect(Endpoint sink);

        void play();

        void stop();

        void release();
    }

    /**
     * The server's RTP counters of one endpoint (inbound and outbound audio streams summed).
     *
     * @param packetsSent     RTP packets the endpoint sent to its peer
     * @param packetsReceived RTP packets it received from its peer
     * @param packetsLost     packets it missed from the peer (the server's RTCP-style estimate)
     */
    record EndpointStats(long packetsSent, long packetsReceived, long packetsLost) {
        static final EndpointStats NONE = new EndpointStats(0, 0, 0);
    }
}
