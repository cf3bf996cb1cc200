package org.fairdial.media.kurento;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaConfigCheck;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaEngineConfig;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.prompt.Treatment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MediaEngine} on a Kurento Media Server: one media pipeline per call (the legs opened with the same
 * call id share it, so a bridge is two connects inside it), one RtpEndpoint per leg, released with the last leg.
 *
 * <p>Each call's requests to the server (one JSON-RPC round trip each, bounded by {@code request-timeout}) run in
 * order on {@code kurento-requests} threads: treatments, bridges and closes are queued and return at once, so a
 * slow server never holds call control's threads on the abandon path; only what returns an answer (opening a leg,
 * an SDP offer or answer) waits, bounded by {@link #requestBound}. Events from the server (errors, a lost
 * connection) are handled on this engine's own {@code kurento-events} thread, never on the client's.
 *
 * <p>Reconnection: a lost connection ends every leg it carried at once ({@link MediaLeg#onMediaLost}); the next
 * {@link #openLeg} connects again at once, then after a failed attempt at most once per {@code reconnect-interval},
 * failing fast in between, so a
 * down server costs the dialer one failed call attempt per interval, not a blocked call thread per attempt.
 */
public final class KurentoMediaEngine implements MediaEngine {
    private static final Logger LOG = LoggerFactory.getLogger(KurentoMediaEngine.class);
    /** The shared comfort-noise loop every leg plays while no prompt or agent is on it. */
    static final String NOISE_FILE = "comfort-noise.wav";
    /** How often the poller reads every open leg's counters from the server. */
    static final Duration STATS_EVERY = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Opens a connection; {@code onLost} runs once when it drops. */
    @FunctionalInterface
    interface Connector {
        MediaServer connect(Consumer<String> onLost);
    }

    private final MediaEngineConfig.Kurento settings;
    private final double noiseDbfs;
    private final Connector connector;
    private final LongSupplier nanoClock;
    final InstantSource wallClock;
    private final ExecutorService events;
    private final ScheduledExecutorService statsPoller;
    /** Threads that run the calls' server requests (each call's in order, through its {@link SerialExecutor}). */
    private final ExecutorService requests;
    private final Object lock = new Object();
    private MediaServer server;
    private long lastAttemptNanos;
    private boolean attempted;
    private final Map<String, CallPipeline> pipelines = new HashMap<>();
    private final Set<KurentoMediaLeg> legs = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean dtmfWarned = new AtomicBoolean();
    private final LongAdder dtmfRequests = new LongAdder();
    private final LongAdder lostLegs = new LongAdder();

    KurentoMediaEngine(MediaEngineConfig.Kurento settings, double noiseDbfs, Connector connector,
                       LongSupplier nanoClock, InstantSource wallClock, Duration statsEvery, ExecutorService requests) {
        this.settings = settings;
        this.noiseDbfs = noiseDbfs;
        this.connector = connector;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.requests = requests;
        this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "kurento-events"));
        this.statsPoller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kurento-stats"));
        statsPoller.scheduleWithFixedDelay(this::pollStats, statsEvery.toMillis(), statsEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        TreatmentWav.write(Treatment.comfortNoiseOnly(), noiseDbfs, settings.promptDirectory().resolve(NOISE_FILE));
    }

    /**
     * Validates the media settings, renders the comfort-noise loop and connects to the server. A server that
     * cannot be reached yet is logged, not fatal: the dialer starts and calls fail until it comes up.
     *
     * @throws IllegalArgumentException listing every invalid setting
     */
    public static KurentoMediaEngine start(MediaConfig media, MediaEngineConfig.Kurento settings) {
        List<MediaConfigCheck.Problem> problems = MediaConfigCheck.problems(media);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid dialer.media settings: " + String.join("; ",
                    problems.stream().map(MediaConfigCheck.Problem::format).toList()));
        }
        KurentoMediaEngine engine = new KurentoMediaEngine(settings, media.comfortNoiseDbfs(),
                onLost -> KurentoMediaServer.connect(settings, onLost), System::nanoTime, InstantSource.system(),
                STATS_EVERY, Executors.newCachedThreadPool(r -> daemon(r, "kurento-requests")));
        try {
            engine.connected();
            LOG.info("Kurento media engine started on {}", settings.url());
        } catch (MediaServerUnavailableException e) {
            LOG.warn("Kurento media engine started, server not reachable yet: {}", e.getMessage());
        }
        return engine;
    }

    @Override
    public MediaLeg openLeg(String id) {
        return openLeg(id, id);
    }

    /**
     * Opens an RtpEndpoint in the pipeline of {@code callId}, creating the pipeline for the call's first leg.
     *
     * @throws MediaServerUnavailableException when the server cannot be reached (call control fails the leg)
     */
    @Override
    public MediaLeg openLeg(String id, String callId) {
        if (closed.get()) {
            throw new IllegalStateException("media engine is closed");
        }
        // The round trips run outside the lock, so a slow server delays the calls asking it, not every call; a
        // call's own legs are opened one after the other on its executor, so they never race for its pipeline.
        MediaServer current = connected();
        CallPipeline call;
        synchronized (lock) {
            call = pipelines.get(callId);
        }
        boolean created = call == null;
        if (created) {
            CallPipeline fresh = new CallPipeline(callId, new SerialExecutor(requests));
            fresh.pipeline = current.createPipeline(reason -> onEvents(() -> pipelineFailed(fresh, reason)));
            call = fresh;
        }
        MediaServer.Endpoint endpoint;
        try {
            endpoint = call.pipeline.createRtpEndpoint();
        } catch (RuntimeException e) {
            if (created) {
                releaseQuietly(call.pipeline);
            }
            throw e;
        }
        KurentoMediaLeg leg = new KurentoMediaLeg(id, this, call.pipeline, endpoint, call.requests);
        synchronized (lock) {
            if (server != current) {
                // The connection was lost meanwhile: what was just created went with the server's session.
                throw new MediaServerUnavailableException("media server " + settings.url()
                        + " lost while opening leg " + id);
            }
            if (created) {
                pipelines.put(callId, call);
            }
            call.legs.add(leg);
            legs.add(leg);
        }
        return leg;
    }

    @Override
    public int openLegs() {
        return legs.size();
    }

    /** Pipelines on the server (one per call with a leg open). */
    public int openPipelines() {
        synchronized (lock) {
            return pipelines.size();
        }
    }

    /** Times call control asked a leg of this engine to report DTMF, which Kurento 7 cannot (see the leg). */
    public long unsupportedDtmfRequests() {
        return dtmfRequests.sum();
    }

    /** Legs ended by a media server failure (lost connection or pipeline error) since start. */
    public long lostLegs() {
        return lostLegs.sum();
    }

    /** Closes every leg, releases their pipelines, and closes the connection. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (KurentoMediaLeg leg : List.copyOf(legs)) {
            leg.close();
        }
        requests.shutdown(); // the closes queued above still run
        try {
            if (!requests.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("media server requests still running after {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (server != null) {
                server.close();
                server = null;
            }
        }
        statsPoller.shutdownNow();
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Kurento media engine stopped");
    }

    /** The live connection, connecting if the last attempt is older than the reconnect interval. */
    private MediaServer connected() {
        synchronized (lock) {
            if (server != null && server.connected()) {
                return server;
            }
            long now = nanoClock.getAsLong();
            if (attempted && now - lastAttemptNanos < settings.reconnectInterval().toNanos()) {
                throw new MediaServerUnavailableException("media server " + settings.url()
                        + " unavailable; next connection attempt within " + settings.reconnectInterval());
            }
            attempted = true;
            lastAttemptNanos = now;
            try {
                MediaServer[] created = new MediaServer[1];
                created[0] = connector.connect(reason -> onEvents(() -> connectionLost(created[0], reason)));
                server = created[0];
                return server;
            } catch (RuntimeException e) {
                throw new MediaServerUnavailableException("media server " + settings.url() + " unreachable: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Every leg the connection carried is gone: their pipelines lived in the server session that ended. */
    private void connectionLost(MediaServer lost, String reason) {
        List<KurentoMediaLeg> ended = new ArrayList<>();
        synchronized (lock) {
            if (lost == null || lost != server) {
                return; // an older connection, already replaced
            }
            server = null;
            attempted = false; // the next call tries at once; failed attempts then wait the interval
            for (CallPipeline call : pipelines.values()) {
                ended.addAll(call.legs);
            }
            pipelines.clear();
        }
        lost.close();
        LOG.warn("{}: ending {} legs", reason, ended.size());
        ended.forEach(leg -> lose(leg, reason));
    }

    private void pipelineFailed(CallPipeline call, String reason) {
        List<KurentoMediaLeg> ended;
        synchronized (lock) {
            ended = List.copyOf(call.legs);
        }
        LOG.warn("pipeline of call {}: {}", call.callId, reason);
        ended.forEach(leg -> lose(leg, reason));
    }

    /** A server call for {@code leg} failed: the leg is lost, told on the events thread like a server error. */
    void failed(KurentoMediaLeg leg, String reason) {
        onEvents(() -> lose(leg, reason));
    }

    /** Runs {@code task} on the events thread; after {@link #close} there is nothing left to tell. */
    void onEvents(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException closing) {
            LOG.debug("media server event after close, dropped");
        }
    }

    private void lose(KurentoMediaLeg leg, String reason) {
        leg.lost(reason, lostLegs::increment);
    }

    /** A leg closed: the pipeline goes with the call's last leg, while the connection that made it is up. */
    void released(KurentoMediaLeg leg) {
        legs.remove(leg);
        synchronized (lock) {
            for (Map.Entry<String, CallPipeline> e : pipelines.entrySet()) {
                CallPipeline call = e.getValue();
                if (call.legs.remove(leg)) {
                    if (call.legs.isEmpty()) {
                        pipelines.remove(e.getKey());
                        releaseQuietly(call.pipeline);
                    }
                    return;
                }
            }
        }
    }

    void dtmfRequested(KurentoMediaLeg leg) {
        dtmfRequests.increment();
        if (dtmfWarned.compareAndSet(false, true)) {
            LOG.warn("leg {} asked for DTMF: the Kurento engine cannot detect keys (Kurento 7's RtpEndpoint has no"
                    + " telephone-event API); key presses on its legs are not heard (logged once, counted in"
                    + " fairdial.kurento.dtmf.unsupported)", leg.id());
        }
    }

    /** One round of counter reads; a slow server delays this thread only. */
    void pollStats() {
        for (KurentoMediaLeg leg : legs) {
            leg.refreshStats();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * How long call control waits for a request it needs the answer of (an SDP): a few request timeouts, as the
     * call's earlier requests run first.
     */
    Duration requestBound() {
        return settings.requestTimeout().multipliedBy(4);
    }

    double noiseDbfs() {
        return noiseDbfs;
    }

    Path promptDirectory() {
        return settings.promptDirectory();
    }

    /** The URI the server reads {@code file} (in the prompt directory) by. */
    String uriOf(String file) {
        String prefix = settings.promptUri();
        return (prefix.endsWith("/") ? prefix : prefix + "/") + file;
    }

    private static void releaseQuietly(MediaServer.Pipeline pipeline) {
        try {
            pipeline.release();
        } catch (RuntimeException e) {
            LOG.debug("pipeline release failed: {}", e.toString());
        }
    }

    /** One call's pipeline and the legs in it. */
    private static final class CallPipeline {
        final String callId;
        final SerialExecutor requests;
        final List<KurentoMediaLeg> legs = new ArrayList<>();
        MediaServer.Pipeline pipeline;

        CallPipeline(String callId, SerialExecutor requests) {
            this.callId = callId;
            this.requests = requests;
        }
    }
}
