package org.fairdial.media.kurento;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.fairdial.media.MediaEngineConfig;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaPipeline;
import org.kurento.client.MediaType;
import org.kurento.client.OfferOptions;
import org.kurento.client.PlayerEndpoint;
import org.kurento.client.RTCInboundRTPStreamStats;
import org.kurento.client.RTCOutboundRTPStreamStats;
import org.kurento.client.RtpEndpoint;
import org.kurento.client.Stats;
import org.kurento.jsonrpc.client.JsonRpcClientNettyWebSocket;
import org.kurento.jsonrpc.client.JsonRpcWSConnectionListener;

/**
 * {@link MediaServer} on {@code kurento-client}: the one class that names Kurento's types. Its own reconnection
 * is off: a lost connection ends the calls it carried (their pipelines died with the session on the server), and
 * the engine opens a new client for the next call ({@link KurentoMediaEngine}'s reconnect policy).
 */
final class KurentoMediaServer implements MediaServer {
    private final KurentoClient client;
    private final AtomicBoolean up;

    private KurentoMediaServer(KurentoClient client, AtomicBoolean up) {
        this.client = client;
        this.up = up;
    }

    /**
     * Connects to {@code settings.url()}; {@code onLost} runs once, on a client thread, when the connection drops.
     *
     * @throws RuntimeException (Kurento's) when the server cannot be reached within the connect timeout
     */
    static MediaServer connect(MediaEngineConfig.Kurento settings, Consumer<String> onLost) {
        AtomicBoolean up = new AtomicBoolean(true);
        Runnable lost = () -> {
            if (up.compareAndSet(true, false)) {
                onLost.accept("media server connection lost (" + settings.url() + ")");
            }
        };
        JsonRpcClientNettyWebSocket rpc = new JsonRpcClientNettyWebSocket(settings.url().toString(),
                new ConnectionListener(lost));
        rpc.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        rpc.setRequestTimeout(settings.requestTimeout().toMillis());
        rpc.setTryReconnectingForever(false);
        rpc.setTryReconnectingMaxTime(0);
        KurentoClient client = KurentoClient.createFromJsonRpcClientHonoringClientTimeouts(rpc);
        try {
            client.getServerManager().getInfo(); // a first round trip: fail now rather than on the first call
        } catch (RuntimeException e) {
            client.destroy();
            throw e;
        }
        return new KurentoMediaServer(client, up);
    }

    /** Every way the WebSocket can go away is a loss: the server's session and its pipelines may be gone. */
    private record ConnectionListener(Runnable lost) implements JsonRpcWSConnectionListener {
        @Override
        public void connected() {
        }

        @Override
        public void connectionFailed() {
            lost.run();
        }

        @Override
        public void disconnected() {
            lost.run();
        }

        @Override
        public void reconnected(boolean sameServer) {
        }

        @Override
        public void reconnecting() {
            lost.run();
        }
    }

    @Override
    public Pipeline createPipeline(Consumer<String> onError) {
        MediaPipeline pipeline = client.createMediaPipeline();
        pipeline.addErrorListener(e -> onError.accept("media server error " + e.getErrorCode() + " "
                + e.getType() + ": " + e.getDescription()));
        return new KmsPipeline(pipeline);
    }

    @Override
    public boolean connected() {
        return up.get() && !client.isClosed();
    }

    @Override
    public void close() {
        up.set(false);
        client.destroy();
    }

    private record KmsPipeline(MediaPipeline pipeline) implements Pipeline {
        @Override
        public Endpoint createRtpEndpoint() {
            return new KmsEndpoint(new RtpEndpoint.Builder(pipeline).build());
        }

        @Override
        public Player createPlayer(String uri, Runnable onEndOfStream) {
            PlayerEndpoint player = new PlayerEndpoint.Builder(pipeline, uri).build();
            player.addEndOfStreamListener(e -> onEndOfStream.run());
            return new KmsPlayer(player);
        }

        @Override
        public void release() {
            pipeline.release();
        }
    }

    private record KmsEndpoint(RtpEndpoint rtp) implements Endpoint {
        @Override
        public String generateOffer() {
            OfferOptions audioOnly = new OfferOptions();
            audioOnly.setOfferToReceiveAudio(true);
            audioOnly.setOfferToReceiveVideo(false);
            return rtp.generateOffer(audioOnly);
        }

        @Override
        public void processAnswer(String sdpAnswer) {
            rtp.processAnswer(sdpAnswer);
        }

        @Override
        public String processOffer(String sdpOffer) {
            return rtp.processOffer(sdpOffer);
        }

        @Override
        public void connect(Endpoint sink) {
            rtp.connect(((KmsEndpoint) sink).rtp, MediaType.AUDIO);
        }

        @Override
        public void disconnect(Endpoint sink) {
            rtp.disconnect(((KmsEndpoint) sink).rtp, MediaType.AUDIO);
        }

        @Override
        public EndpointStats stats() {
            long sent = 0;
            long received = 0;
            long lost = 0;
            for (Map.Entry<String, Stats> entry : rtp.getStats(MediaType.AUDIO).entrySet()) {
                if (entry.getValue() instanceof RTCInboundRTPStreamStats in) {
                    received += in.getPacketsReceived();
                    lost += in.getPacketsLost();
                } else if (entry.getValue() instanceof RTCOutboundRTPStreamStats out) {
                    sent += out.getPacketsSent();
                }
            }
            return new EndpointStats(sent, received, lost);
        }

        @Override
        public void release() {
            rtp.release();
        }
    }

    private record KmsPlayer(PlayerEndpoint player) implements Player {
        @Override
        public void connect(Endpoint sink) {
            player.connect(((KmsEndpoint) sink).rtp, MediaType.AUDIO);
        }

        @Override
        public void play() {
            player.play();
        }

        @Override
        public void stop() {
            player.stop();
        }

        @Override
        public void release() {
            player.release();
        }
    }
}
