package org.fairdial.media.kurento;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link MediaServer} that records what the engine asks of it and answers with fixed SDP: no media flows, so
 * tests built on it assert the engine's bookkeeping (pipelines, releases, failures), never audio.
 */
final class RecordingMediaServer implements MediaServer {
    static final String OFFER = "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=kms\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
    static final String ANSWER = "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=kms\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n"
            + "m=audio 40002 RTP/AVP 0\r\na=sendrecv\r\n";

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<FakePipeline> pipelines = new CopyOnWriteArrayList<>();
    final Consumer<String> onLost;
    volatile boolean up = true;
    volatile boolean closed;
    volatile RuntimeException failEndpoints;
    /** When set, creating a player waits for it: a server that stalls. */
    volatile java.util.concurrent.CountDownLatch stall;

    RecordingMediaServer(Consumer<String> onLost) {
        this.onLost = onLost;
    }

    /** The server goes away as a dropped WebSocket would report it. */
    void drop() {
        up = false;
        onLost.accept("media server connection lost (test)");
    }

    @Override
    public Pipeline createPipeline(Consumer<String> onError) {
        FakePipeline p = new FakePipeline(onError);
        pipelines.add(p);
        calls.add("createPipeline");
        return p;
    }

    @Override
    public boolean connected() {
        return up && !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    final class FakePipeline implements Pipeline {
        final Consumer<String> onError;
        final List<FakeEndpoint> endpoints = new ArrayList<>();
        final List<FakePlayer> players = new ArrayList<>();
        volatile boolean released;

        FakePipeline(Consumer<String> onError) {
            this.onError = onError;
        }

        @Override
        public Endpoint createRtpEndpoint() {
            if (failEndpoints != null) {
                throw failEndpoints;
            }
            FakeEndpoint e = new FakeEndpoint();
            endpoints.add(e);
            return e;
        }

        @Override
        public Player createPlayer(String uri, Runnable onEndOfStream) {
            java.util.concurrent.CountDownLatch s = stall;
            if (s != null) {
                try {
                    s.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            FakePlayer p = new FakePlayer(uri, onEndOfStream);
            players.add(p);
            return p;
        }

        @Override
        public void release() {
            released = true;
            calls.add("releasePipeline");
        }
    }

    static final class FakeEndpoint implements Endpoint {
        final List<Endpoint> sinks = new CopyOnWriteArrayList<>();
        volatile RuntimeException refuse;
        volatile String answer;
        volatile long received;
        volatile boolean released;

        @Override
        public String generateOffer() {
            return OFFER;
        }

        @Override
        public void processAnswer(String sdpAnswer) {
            if (refuse != null) {
                throw refuse;
            }
            answer = sdpAnswer;
        }

        @Override
        public String processOffer(String sdpOffer) {
            return ANSWER;
        }

        @Override
        public void connect(Endpoint sink) {
            if (refuse != null) {
                throw refuse;
            }
            sinks.add(sink);
        }

        @Override
        public void disconnect(Endpoint sink) {
            sinks.remove(sink);
        }

        @Override
        public EndpointStats stats() {
            return new EndpointStats(5, received, 0);
        }

        @Override
        public void release() {
            released = true;
        }
    }

    static final class FakePlayer implements Player {
        final String uri;
        final Runnable onEndOfStream;
        volatile Endpoint sink;
        volatile boolean playing;
        volatile boolean released;

        FakePlayer(String uri, Runnable onEndOfStream) {
            this.uri = uri;
            this.onEndOfStream = onEndOfStream;
        }

        @Override
        public void connect(Endpoint sink) {
            this.sink = sink;
        }

        @Override
        public void play() {
            playing = true;
        }

        @Override
        public void stop() {
            playing = false;
        }

        @Override
        public void release() {
            released = true;
        }
    }
}
