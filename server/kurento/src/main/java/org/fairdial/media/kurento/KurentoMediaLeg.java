package org.fairdial.media.kurento;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fairdial.media.DtmfListener;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.RtpStats;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.fairdial.media.sdp.Negotiation;
import org.fairdial.media.sdp.OfferAnswer;
import org.fairdial.media.sdp.SdpException;
import org.fairdial.media.sdp.SdpParser;
import org.fairdial.media.sdp.SessionDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call leg on the media server: an RtpEndpoint in its call's pipeline, and a PlayerEndpoint while a treatment
 * plays. SDP goes through the media module's own parser and negotiation first, so a peer gets the same 488 and
 * call control the same {@link NegotiatedMedia} as with the built-in relay; the server then does the RTP.
 *
 * <p>Not supported by Kurento 7, and explicit here: DTMF (see {@link #onDtmf}); renegotiating an endpoint, so a
 * re-INVITE that changes the address, codec or direction is refused with {@link SdpException} (call control
 * answers 488 and the call goes on as it was), while a session refresh with unchanged media is answered. A
 * negotiated RtpEndpoint refuses any new offer or answer ("Endpoint already negotiated"; renegotiation needs the
 * SipRtpEndpoint of Kurento/kms-elements pull request 21, never merged).
 */
final class KurentoMediaLeg implements MediaLeg {
    private static final Logger LOG = LoggerFactory.getLogger(KurentoMediaLeg.class);
    private static final AtomicLong FILES = new AtomicLong();

    private final String id;
    private final KurentoMediaEngine engine;
    private final MediaServer.Pipeline pipeline;
    private final MediaServer.Endpoint endpoint;
    /** The call's queue of server requests; every request of this leg goes through it, in order. */
    private final SerialExecutor requests;
    private int localPort;
    private Negotiation negotiated;
    private String localSdp;
    private int sdpVersion;
    private MediaServer.Player player;
    private Path playerFile;
    private KurentoMediaLeg bridged;
    private Consumer<String> lostListener;
    private String lostReason;
    private boolean closed;
    private MediaServer.EndpointStats lastStats = MediaServer.EndpointStats.NONE;
    private Instant firstSentAt;
    private Instant lastReceivedAt;

    KurentoMediaLeg(String id, KurentoMediaEngine engine, MediaServer.Pipeline pipeline,
                    MediaServer.Endpoint endpoint, SerialExecutor requests) {
        this.id = id;
        this.requests = requests;
        this.engine = engine;
        this.pipeline = pipeline;
        this.endpoint = endpoint;
    }

    @Override
    public String id() {
        return id;
    }

    /** The media server's RTP port for this leg, from its SDP (0 before the first offer or answer). */
    @Override
    public synchronized int localPort() {
        return localPort;
    }

    @Override
    public String createOffer() {
        return await(() -> {
            synchronized (this) {
                localSdp = endpoint.generateOffer();
                localPort = portOf(localSdp);
                return localSdp;
            }
        });
    }

    @Override
    public NegotiatedMedia applyAnswer(String sdpAnswer) throws SdpException {
        return awaitSdp(() -> negotiateAnswer(sdpAnswer));
    }

    private synchronized NegotiatedMedia negotiateAnswer(String sdpAnswer) throws SdpException {
        Negotiation negotiation = OfferAnswer.applyAnswer(sdpAnswer);
        if (negotiated != null) {
            if (negotiation.media().equals(negotiated.media())) {
                return negotiated.media(); // the same answer again (a retransmitted 200)
            }
            throw new SdpException("the Kurento engine cannot renegotiate a leg's media: a second, different answer");
        }
        try {
            endpoint.processAnswer(sdpAnswer);
        } catch (RuntimeException e) {
            // Call control treats an answer it cannot use like any unusable SDP; it must not lose the event.
            throw new SdpException("the media server refused the answer: " + e.getMessage());
        }
        negotiated = negotiation;
        return negotiation.media();
    }

    @Override
    public String answerOffer(String sdpOffer) throws SdpException {
        return awaitSdp(() -> negotiateOffer(sdpOffer));
    }

    private synchronized String negotiateOffer(String sdpOffer) throws SdpException {
        SessionDescription offer = SdpParser.parse(sdpOffer);
        Negotiation negotiation = OfferAnswer.answerOffer(offer);
        if (negotiated == null) {
            try {
                localSdp = endpoint.processOffer(sdpOffer);
            } catch (RuntimeException e) {
                throw new SdpException("the media server refused the offer: " + e.getMessage());
            }
            localPort = portOf(localSdp);
            negotiated = negotiation;
            return localSdp;
        }
        if (!negotiation.media().equals(negotiated.media())
                || negotiation.peerDirection() != negotiated.peerDirection()) {
            throw new SdpException("the Kurento engine cannot renegotiate a leg's media (new address, codec or"
                    + " direction); the call goes on as negotiated");
        }
        return refreshed(localSdp);
    }

    /** Queued: returns at once; the player starts when the call's earlier requests are done. */
    @Override
    public void playTreatment(Treatment treatment, Runnable onPromptFinished) {
        Objects.requireNonNull(treatment, "treatment");
        requests.execute(() -> startTreatment(treatment, onPromptFinished));
    }

    private synchronized void startTreatment(Treatment treatment, Runnable onPromptFinished) {
        if (closed || lostReason != null) {
            return;
        }
        try {
            unbridge();
            stopPlayer();
            if (treatment.prompt() == null) {
                startPlayer(KurentoMediaEngine.NOISE_FILE, null, null);
                return;
            }
            String file = safe(id) + "-" + FILES.incrementAndGet() + ".wav";
            Path path = engine.promptDirectory().resolve(file);
            TreatmentWav.write(treatment, engine.noiseDbfs(), path);
            startPlayer(file, path, onPromptFinished != null ? onPromptFinished : () -> { });
        } catch (RuntimeException e) {
            engine.failed(this, "treatment not played by the media server: " + e.getMessage());
        }
    }

    @Override
    public void stopTreatment() {
        requests.execute(() -> {
            synchronized (this) {
                stopPlayer();
            }
        });
    }

    /**
     * Kurento 7 reports no DTMF: its RtpEndpoint has neither a telephone-event listener nor an API to read RFC 4733
     * events (kurento-client 7.1.0 and the kms-api-core, -elements and -filters 7.1.0 descriptors do not name DTMF
     * at all). Asking is therefore logged once per engine and counted ({@link
     * KurentoMediaEngine#unsupportedDtmfRequests}); the configuration loader refuses a campaign whose abandon
     * opt-out needs a key on this engine, so no callee is promised a key that nobody hears. Whether the server
     * passes telephone-events on in a bridge is not known here (not checked against a server).
     */
    @Override
    public void onDtmf(DtmfListener listener) {
        if (listener != null) {
            engine.dtmfRequested(this);
        }
    }

    @Override
    public void bridgeTo(MediaLeg other) {
        if (!(other instanceof KurentoMediaLeg that) || that.pipeline != pipeline) {
            throw new IllegalArgumentException("leg " + id + " can only be bridged to a leg of the same call's"
                    + " pipeline, not " + other.id());
        }
        requests.execute(() -> connect(that));
    }

    private void connect(KurentoMediaLeg that) {
        synchronized (this) {
            stopPlayer();
        }
        synchronized (that) {
            that.stopPlayer();
        }
        try {
            endpoint.connect(that.endpoint);
            that.endpoint.connect(endpoint);
        } catch (RuntimeException e) {
            // A half-made bridge is dead air for someone: both legs end, with the server's reason.
            String reason = "bridge refused by the media server: " + e.getMessage();
            engine.failed(this, reason);
            engine.failed(that, reason);
            return;
        }
        synchronized (this) {
            bridged = that;
        }
        synchronized (that) {
            that.bridged = this;
        }
    }

    @Override
    public synchronized void onMediaLost(Consumer<String> listener) {
        lostListener = listener;
        if (listener != null && lostReason != null) {
            listener.accept(lostReason);
        }
    }

    /**
     * The server's counters as of the engine's last poll ({@link KurentoMediaEngine#STATS_EVERY}); never a round
     * trip, since call control reads them on shared timer threads (its RTP timeout) that must never wait on the
     * network. The times are when a poll first saw packets sent and last saw the received count grow, so the RTP
     * timeout works on this engine at the polling resolution; a CDR's counters are at most one poll old.
     */
    @Override
    public synchronized RtpStats stats() {
        return new RtpStats(lastStats.packetsSent(), lastStats.packetsReceived(), lastStats.packetsLost(),
                firstSentAt, lastReceivedAt);
    }

    /** Reads the server's counters (one round trip, outside the leg's lock); the engine's poller calls it. */
    void refreshStats() {
        synchronized (this) {
            if (closed || lostReason != null) {
                return;
            }
        }
        MediaServer.EndpointStats now;
        try {
            now = endpoint.stats();
        } catch (RuntimeException e) {
            LOG.debug("stats of leg {} not read: {}", id, e.toString());
            return;
        }
        Instant at = engine.wallClock.instant();
        synchronized (this) {
            if (firstSentAt == null && now.packetsSent() > 0) {
                firstSentAt = at;
            }
            if (now.packetsReceived() > lastStats.packetsReceived()) {
                lastReceivedAt = at;
            }
            lastStats = now;
        }
    }

    /** Queued like every request: the endpoint (and the call's pipeline, with its last leg) go in order. */
    @Override
    public void close() {
        requests.execute(this::release);
    }

    private void release() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopPlayer();
            bridged = null;
            if (lostReason == null) {
                try {
                    endpoint.release();
                } catch (RuntimeException e) {
                    LOG.debug("endpoint of leg {} not released: {}", id, e.toString());
                }
            }
        }
        engine.released(this);
    }

    /** Runs {@code request} in the call's order and waits for it, bounded by the engine's request bound. */
    private <T> T await(Supplier<T> request) {
        try {
            return awaitSdp(request::get);
        } catch (SdpException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private <T> T awaitSdp(SdpRequest<T> request) throws SdpException {
        CompletableFuture<T> result = new CompletableFuture<>();
        requests.execute(() -> {
            try {
                result.complete(request.call());
            } catch (SdpException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(engine.requestBound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SdpException sdp) {
                throw sdp;
            }
            throw (RuntimeException) e.getCause();
        } catch (TimeoutException e) {
            throw new MediaServerUnavailableException("media server did not answer for leg " + id + " within "
                    + engine.requestBound());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the media server", e);
        }
    }

    /** A request whose result call control waits for. */
    @FunctionalInterface
    private interface SdpRequest<T> {
        T call() throws SdpException;
    }

    /** The server lost this leg: the first time, counts it with {@code first}, then tells the listener. */
    void lost(String reason, Runnable first) {
        Consumer<String> listener;
        synchronized (this) {
            if (closed || lostReason != null) {
                return;
            }
            lostReason = reason;
            listener = lostListener;
            deleteFile();
        }
        first.run();
        if (listener != null) {
            listener.accept(reason);
        }
    }

    private void startPlayer(String file, Path path, Runnable onPromptFinished) {
        MediaServer.Player[] started = new MediaServer.Player[1];
        started[0] = pipeline.createPlayer(engine.uriOf(file), () -> requests.execute(() ->
                endOfStream(started[0], onPromptFinished)));
        player = started[0];
        playerFile = path;
        player.connect(endpoint);
        player.play();
    }

    /** The prompt is over (callback, then noise until the BYE), or the noise loop is: play it again. */
    private void endOfStream(MediaServer.Player ended, Runnable onPromptFinished) {
        synchronized (this) {
            if (player != ended || closed || lostReason != null) {
                return;
            }
            stopPlayer();
            startPlayer(KurentoMediaEngine.NOISE_FILE, null, null);
        }
        if (onPromptFinished != null) {
            onPromptFinished.run();
        }
    }

    private void stopPlayer() {
        if (player != null) {
            MediaServer.Player stopping = player;
            player = null;
            if (lostReason == null) {
                try {
                    stopping.stop();
                    stopping.release();
                } catch (RuntimeException e) {
                    LOG.debug("player of leg {} not released: {}", id, e.toString());
                }
            }
        }
        deleteFile();
    }

    private void unbridge() {
        KurentoMediaLeg other = bridged;
        if (other != null) {
            bridged = null;
            endpoint.disconnect(other.endpoint);
            other.endpoint.disconnect(endpoint);
        }
    }

    private void deleteFile() {
        if (playerFile != null) {
            try {
                Files.deleteIfExists(playerFile);
            } catch (IOException e) {
                LOG.debug("treatment file {} not deleted: {}", playerFile, e.toString());
            }
            playerFile = null;
        }
    }

    /** {@code sdp} with its o= version raised, as RFC 3264 8 asks of an unchanged answer in a new exchange. */
    private String refreshed(String sdp) {
        sdpVersion++;
        StringBuilder out = new StringBuilder();
        for (String line : sdp.split("\r\n|\n")) {
            if (line.startsWith("o=")) {
                String[] f = line.substring(2).split(" ");
                if (f.length == 6) {
                    try {
                        f[2] = String.valueOf(Long.parseLong(f[2]) + sdpVersion);
                    } catch (NumberFormatException e) {
                        // left as is: the version is informative for us
                    }
                    line = "o=" + String.join(" ", f);
                }
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    private static int portOf(String sdp) {
        try {
            return SdpParser.parse(sdp).media().stream().filter(m -> "audio".equals(m.media())).findFirst()
                    .map(m -> m.port()).orElse(0);
        } catch (SdpException e) {
            throw new IllegalStateException("the media server's SDP does not parse: " + e.getMessage(), e);
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
