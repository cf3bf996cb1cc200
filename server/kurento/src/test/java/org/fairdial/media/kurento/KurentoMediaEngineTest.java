package org.fairdial.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.media.MediaEngineConfig;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.fairdial.media.sdp.SdpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kurento engine's own logic on {@link RecordingMediaServer}: pipeline per call, releases, failures, the
 * reconnect policy. What the media server does with RTP is {@code KurentoEngineIT}'s (Docker only).
 */
class KurentoMediaEngineTest {
    private static final String PEER_ANSWER = "v=0\r\no=- 7 7 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\n"
            + "t=0 0\r\nm=audio 30000 RTP/AVP 8\r\na=sendrecv\r\n";

    @TempDir
    Path prompts;
    private final List<RecordingMediaServer> servers = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private volatile boolean reachable = true;
    private KurentoMediaEngine engine;

    private MediaEngineConfig.Kurento engineSettings() {
        return new MediaEngineConfig.Kurento(URI.create("ws://kms:8888/kurento"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), prompts, "file:///shared");
    }

    @BeforeEach
    void start() {
        engine = new KurentoMediaEngine(engineSettings(), -50, onLost -> {
            if (!reachable) {
                throw new IllegalStateException("connection refused");
            }
            RecordingMediaServer s = new RecordingMediaServer(onLost);
            servers.add(s);
            return s;
        }, nanos::get, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")), Duration.ofHours(1), new DirectExecutorService());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void theLegsOfOneCallShareOnePipelineReleasedWithTheLastLeg() throws Exception {
        MediaLeg customer = engine.openLeg("c-1", "1");
        MediaLeg agent = engine.openLeg("a-1", "1");
        MediaLeg other = engine.openLeg("c-2", "2");
        RecordingMediaServer server = servers.get(0);
        assertEquals(2, server.pipelines.size(), "one pipeline per call");
        assertEquals(2, engine.openPipelines());
        assertEquals(3, engine.openLegs());
        customer.close();
        assertFalse(server.pipelines.get(0).released, "the agent leg still uses the call's pipeline");
        agent.close();
        agent.close();
        assertTrue(server.pipelines.get(0).released);
        assertEquals(1, engine.openPipelines());
        other.close();
        assertEquals(0, engine.openPipelines());
        assertEquals(0, engine.openLegs());
        assertTrue(server.pipelines.get(0).endpoints.stream().allMatch(e -> e.released), "endpoints released");
    }

    @Test
    void offerAndAnswerGoThroughTheMediaModulesNegotiation() throws Exception {
        MediaLeg leg = engine.openLeg("c-1", "1");
        String offer = leg.createOffer();
        assertEquals(RecordingMediaServer.OFFER, offer);
        assertEquals(40000, leg.localPort(), "the server's port, from its SDP");
        NegotiatedMedia media = leg.applyAnswer(PEER_ANSWER);
        assertEquals("192.0.2.5", media.remote().getAddress().getHostAddress());
        assertEquals(30000, media.remote().getPort());
        RecordingMediaServer.FakeEndpoint endpoint = servers.get(0).pipelines.get(0).endpoints.get(0);
        assertEquals(PEER_ANSWER, endpoint.answer, "the server got the peer's answer");
        assertThrows(SdpException.class, () -> leg.applyAnswer("v=0\r\nm=audio 1 RTP/AVP 18\r\n"));
        assertEquals(media, leg.applyAnswer(PEER_ANSWER), "the same answer again changes nothing");
        assertThrows(SdpException.class, () -> leg.applyAnswer(PEER_ANSWER.replace("30000", "30002")),
                "an RtpEndpoint is negotiated once");
    }

    @Test
    void aReofferWithUnchangedMediaIsAnsweredAndAChangedOneRefused() throws Exception {
        MediaLeg leg = engine.openLeg("c-1", "1");
        String first = leg.answerOffer(PEER_ANSWER);
        assertEquals(RecordingMediaServer.ANSWER, first);
        String refresh = leg.answerOffer(PEER_ANSWER);
        assertTrue(refresh.contains("o=- 1 2 IN IP4"), "same answer, version raised: " + refresh);
        assertThrows(SdpException.class, () -> leg.answerOffer(PEER_ANSWER.replace("30000", "30002")));
    }

    @Test
    void bridgingConnectsBothEndpointsAndStopsTreatments() throws Exception {
        MediaLeg customer = engine.openLeg("c-1", "1");
        MediaLeg agent = engine.openLeg("a-1", "1");
        customer.playTreatment(Treatment.comfortNoiseOnly(), null);
        RecordingMediaServer.FakePipeline pipeline = servers.get(0).pipelines.get(0);
        RecordingMediaServer.FakePlayer noise = pipeline.players.get(0);
        assertTrue(noise.playing);
        assertEquals("file:///shared/" + KurentoMediaEngine.NOISE_FILE, noise.uri);
        customer.bridgeTo(agent);
        assertTrue(noise.released, "the treatment stops at the bridge");
        RecordingMediaServer.FakeEndpoint c = pipeline.endpoints.get(0);
        RecordingMediaServer.FakeEndpoint a = pipeline.endpoints.get(1);
        assertEquals(List.of(a), c.sinks);
        assertEquals(List.of(c), a.sinks);
        MediaLeg stranger = engine.openLeg("c-2", "2");
        assertThrows(IllegalArgumentException.class, () -> customer.bridgeTo(stranger), "no bridge across calls");
    }

    @Test
    void thePromptIsRenderedPlayedAndReportedAtTheEndOfStreamThenNoiseGoesOn() throws Exception {
        MediaLeg leg = engine.openLeg("c-1", "1");
        Prompt prompt = Prompt.ofSamples("id", new short[8000]);
        CountDownLatch finished = new CountDownLatch(1);
        leg.playTreatment(new Treatment(prompt, Duration.ofMillis(500)), finished::countDown);
        RecordingMediaServer.FakePipeline pipeline = servers.get(0).pipelines.get(0);
        RecordingMediaServer.FakePlayer player = pipeline.players.get(0);
        String file = player.uri.substring("file:///shared/".length());
        Path wav = prompts.resolve(file);
        assertTrue(Files.exists(wav));
        assertEquals(44 + 2 * (4000 + 8000), Files.size(wav), "500 ms of noise, then the 1 s prompt: 8 kHz 16-bit");
        assertEquals(1, finished.getCount(), "not before the server says the stream ended");
        player.onEndOfStream.run();
        assertTrue(finished.await(2, TimeUnit.SECONDS));
        waitFor(() -> pipeline.players.size() == 2);
        assertTrue(pipeline.players.get(1).uri.endsWith(KurentoMediaEngine.NOISE_FILE), "comfort noise, never silence");
        assertFalse(Files.exists(wav), "the rendered prompt is removed once played");
        player.onEndOfStream.run(); // a late duplicate changes nothing
        leg.close();
        assertTrue(pipeline.players.get(1).released);
    }

    @Test
    void aLostConnectionEndsEveryLegWithItsReasonAndTheNextCallReconnectsAfterTheInterval() throws Exception {
        MediaLeg customer = engine.openLeg("c-1", "1");
        MediaLeg agent = engine.openLeg("a-1", "1");
        CompletableFuture<String> lostC = new CompletableFuture<>();
        CompletableFuture<String> lostA = new CompletableFuture<>();
        customer.onMediaLost(lostC::complete);
        agent.onMediaLost(lostA::complete);
        reachable = false;
        servers.get(0).drop();
        assertTrue(lostC.get(2, TimeUnit.SECONDS).contains("connection lost"));
        assertTrue(lostA.get(2, TimeUnit.SECONDS).contains("connection lost"));
        assertEquals(2, engine.lostLegs());
        assertEquals(0, engine.openPipelines(), "the pipelines went with the server's session");
        MediaServerUnavailableException down = assertThrows(MediaServerUnavailableException.class,
                () -> engine.openLeg("c-2", "2"));
        assertTrue(down.getMessage().contains("unreachable"), down.getMessage());
        reachable = true;
        assertThrows(MediaServerUnavailableException.class, () -> engine.openLeg("c-3", "3"),
                "no new attempt within the reconnect interval");
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        MediaLeg next = engine.openLeg("c-4", "4");
        assertEquals(2, servers.size(), "a new connection for the new call");
        assertTrue(servers.get(0).closed, "the lost client is closed");
        customer.close();
        agent.close();
        next.close();
        assertEquals(0, engine.openLegs());
        assertTrue(servers.get(1).pipelines.get(0).released);
    }

    @Test
    void aPipelineErrorEndsTheLegsOfThatCallOnly() throws Exception {
        MediaLeg c1 = engine.openLeg("c-1", "1");
        MediaLeg c2 = engine.openLeg("c-2", "2");
        CompletableFuture<String> lost1 = new CompletableFuture<>();
        CompletableFuture<String> lost2 = new CompletableFuture<>();
        c1.onMediaLost(lost1::complete);
        c2.onMediaLost(lost2::complete);
        servers.get(0).pipelines.get(0).onError.accept("media server error 40101 MEDIA_OBJECT_ILLEGAL_STATE");
        assertEquals("media server error 40101 MEDIA_OBJECT_ILLEGAL_STATE", lost1.get(2, TimeUnit.SECONDS));
        assertFalse(lost2.isDone());
        CompletableFuture<String> late = new CompletableFuture<>();
        c1.onMediaLost(late::complete);
        assertTrue(late.isDone(), "a listener set after the loss hears it at once");
        c1.close();
        c2.close();
        assertTrue(servers.get(0).pipelines.get(0).released);
    }

    @Test
    void anEndpointRefusedForTheFirstLegReleasesThePipelineItCreated() {
        engine.openLeg("c-0", "0").close();
        servers.get(0).failEndpoints = new IllegalStateException("server full");
        assertThrows(IllegalStateException.class, () -> engine.openLeg("c-1", "1"));
        assertEquals(0, engine.openPipelines());
        assertTrue(servers.get(0).pipelines.get(1).released);
    }

    @Test
    void aRefusedAnswerIsUnusableSdpAndARefusedBridgeEndsBothLegs() throws Exception {
        MediaLeg customer = engine.openLeg("c-1", "1");
        MediaLeg agent = engine.openLeg("a-1", "1");
        RecordingMediaServer.FakePipeline pipeline = servers.get(0).pipelines.get(0);
        pipeline.endpoints.get(0).refuse = new IllegalStateException("SDP_END_POINT_PROCESS_ANSWER_ERROR");
        SdpException refused = assertThrows(SdpException.class, () -> customer.applyAnswer(PEER_ANSWER));
        assertTrue(refused.getMessage().contains("SDP_END_POINT_PROCESS_ANSWER_ERROR"), refused.getMessage());
        CompletableFuture<String> lostC = new CompletableFuture<>();
        CompletableFuture<String> lostA = new CompletableFuture<>();
        customer.onMediaLost(lostC::complete);
        agent.onMediaLost(lostA::complete);
        customer.bridgeTo(agent);
        assertTrue(lostC.get(2, TimeUnit.SECONDS).startsWith("bridge refused by the media server"));
        assertTrue(lostA.get(2, TimeUnit.SECONDS).startsWith("bridge refused by the media server"));
    }

    @Test
    void treatmentsAndClosesAreQueuedSoASlowServerNeverHoldsTheCaller() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch serverStalls = new CountDownLatch(1);
        List<RecordingMediaServer> slow = new ArrayList<>();
        KurentoMediaEngine queued = new KurentoMediaEngine(engineSettings(), -50, onLost -> {
            RecordingMediaServer s = new RecordingMediaServer(onLost);
            s.stall = serverStalls;
            slow.add(s);
            return s;
        }, nanos::get, InstantSource.system(), Duration.ofHours(1), pool);
        try {
            MediaLeg leg = queued.openLeg("c-1", "1");
            long start = System.nanoTime();
            leg.playTreatment(Treatment.comfortNoiseOnly(), null);
            leg.close();
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "returned without the server");
            assertEquals(1, queued.openLegs(), "the close waits its turn behind the stalled request");
            serverStalls.countDown();
            waitFor(() -> queued.openLegs() == 0 && slow.get(0).pipelines.get(0).released);
            assertTrue(slow.get(0).pipelines.get(0).players.get(0).released, "the player went before the pipeline");
        } finally {
            serverStalls.countDown();
            queued.close();
        }
    }

    @Test
    void dtmfIsCountedNotSilentlyIgnored() {
        MediaLeg leg = engine.openLeg("c-1", "1");
        leg.onDtmf(digit -> { });
        leg.onDtmf(digit -> { });
        leg.onDtmf(null);
        assertEquals(2, engine.unsupportedDtmfRequests());
    }

    @Test
    void statsComeFromTheServersPollAndStayAfterClose() {
        MediaLeg leg = engine.openLeg("c-1", "1");
        RecordingMediaServer.FakeEndpoint endpoint = servers.get(0).pipelines.get(0).endpoints.get(0);
        engine.pollStats();
        assertEquals(null, leg.stats().lastReceivedAt(), "nothing received yet");
        assertEquals(5, leg.stats().packetsSent());
        endpoint.received = 40;
        assertEquals(0, leg.stats().packetsReceived(), "no round trip on read: the last poll's counters");
        engine.pollStats();
        assertEquals(40, leg.stats().packetsReceived());
        assertNotEquals(null, leg.stats().lastReceivedAt());
        leg.close();
        endpoint.received = 99;
        engine.pollStats();
        assertEquals(40, leg.stats().packetsReceived(), "the last counters read before release");
    }

    @Test
    void closeReleasesEveryLegAndTheConnection() {
        MediaLeg a = engine.openLeg("c-1", "1");
        assertNotSame(a, engine.openLeg("a-1", "1"));
        engine.close();
        assertEquals(0, engine.openLegs());
        assertTrue(servers.get(0).closed);
        assertTrue(servers.get(0).pipelines.get(0).released);
        assertThrows(IllegalStateException.class, () -> engine.openLeg("c-2", "2"));
        assertSame(servers.get(0).pipelines.size(), 1);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean());
    }
}
