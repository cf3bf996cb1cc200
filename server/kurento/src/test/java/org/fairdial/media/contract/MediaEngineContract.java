package org.fairdial.media.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.sdp.MediaDescription;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.fairdial.media.sdp.SdpParser;
import org.fairdial.testkit.LoopbackRtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MediaEngine} must do, on real sockets: offer and answer, treatment timing, a bridge, close and
 * the release of what a call held, and the end of a call when its media server fails. Each engine runs it against
 * its real media path: the built-in relay here ({@code NettyMediaEngineContractTest}), Kurento where Docker is
 * ({@code KurentoEngineIT}).
 */
public abstract class MediaEngineContract {
    private static final int PROMPT_MS = 400;
    private static final int PROMPT_DELAY_MS = 200;

    protected MediaEngine engine;
    private LoopbackRtp peers;

    /** A started engine. */
    protected abstract MediaEngine start() throws Exception;

    /** How soon after {@code playTreatment} the peer must hear the first packet. */
    protected abstract Duration firstPacketWithin();

    /** How late after its last sample's due time the prompt may be reported finished. */
    protected abstract Duration promptSlack();

    /** What the engine still holds for calls (ports, pipelines): zero once every leg is closed. */
    protected abstract int resourcesHeld();

    /** Makes the media server fail under the open legs; false if the engine has no server apart from itself. */
    protected abstract boolean failMediaServer() throws Exception;

    @BeforeEach
    void open() throws Exception {
        engine = start();
        peers = new LoopbackRtp();
    }

    @AfterEach
    void shut() {
        peers.close();
        engine.close();
    }

    @Test
    void theOfferHasPcmuAndTheAnswerIsNegotiated() throws Exception {
        try (MediaLeg leg = engine.openLeg("c-1", "1")) {
            String offer = leg.createOffer();
            MediaDescription audio = SdpParser.parse(offer).media().get(0);
            assertEquals("audio", audio.media());
            assertTrue(audio.payloadTypes().contains(0), "PCMU offered: " + offer);
            assertEquals(leg.localPort(), audio.port());
            LoopbackRtp.RtpSession peer = peers.answer("callee", offer, List.of("PCMU"), false);
            NegotiatedMedia media = leg.applyAnswer(peer.sdp());
            assertEquals(Codec.PCMU, media.codec());
            assertEquals(peer.port(), media.remote().getPort());
        }
    }

    @Test
    void comfortNoiseReachesThePeerAtOnceAndThePromptEndsOnTime() throws Exception {
        try (MediaLeg leg = engine.openLeg("c-1", "1")) {
            LoopbackRtp.RtpSession peer = peers.answer("callee", leg.createOffer(), List.of("PCMU"), false);
            leg.applyAnswer(peer.sdp());
            long start = System.nanoTime();
            leg.playTreatment(Treatment.comfortNoiseOnly(), null);
            assertTrue(waitFor(() -> peer.packetsReceived() > 0, firstPacketWithin()),
                    "no comfort noise within " + firstPacketWithin());
            CompletableFuture<Long> finished = new CompletableFuture<>();
            Prompt prompt = Prompt.ofSamples("id", new short[PROMPT_MS * 8]);
            long promptStart = System.nanoTime();
            leg.playTreatment(new Treatment(prompt, Duration.ofMillis(PROMPT_DELAY_MS)),
                    () -> finished.complete(System.nanoTime()));
            long due = TimeUnit.MILLISECONDS.toNanos(PROMPT_DELAY_MS + PROMPT_MS);
            long took = finished.get(due / 1_000_000 + promptSlack().toMillis() + 1_000, TimeUnit.MILLISECONDS)
                    - promptStart;
            assertTrue(took >= due - TimeUnit.MILLISECONDS.toNanos(40), "prompt finished early: " + took / 1_000_000
                    + " ms");
            assertTrue(took <= due + promptSlack().toNanos(), "prompt finished late: " + took / 1_000_000 + " ms");
            long before = peer.packetsReceived();
            assertTrue(waitFor(() -> peer.packetsReceived() > before + 5, Duration.ofSeconds(2)),
                    "comfort noise goes on after the prompt (never silence)");
            assertTrue(System.nanoTime() - start > 0);
        }
    }

    @Test
    void aBridgeRelaysBothWays() throws Exception {
        try (MediaLeg customer = engine.openLeg("c-1", "1"); MediaLeg agent = engine.openLeg("a-1", "1")) {
            LoopbackRtp.RtpSession callee = peers.answer("callee", customer.createOffer(), List.of("PCMU"), true);
            LoopbackRtp.RtpSession phone = peers.answer("agent", agent.createOffer(), List.of("PCMU"), true);
            customer.applyAnswer(callee.sdp());
            agent.applyAnswer(phone.sdp());
            customer.bridgeTo(agent);
            assertTrue(waitFor(() -> callee.packetsReceived() > 20 && phone.packetsReceived() > 20,
                    Duration.ofSeconds(5)), "relayed " + phone.packetsReceived() + " to the agent, "
                    + callee.packetsReceived() + " to the callee");
        }
    }

    @Test
    void closingTheLegsReleasesWhatTheCallHeld() throws Exception {
        MediaLeg customer = engine.openLeg("c-1", "1");
        MediaLeg agent = engine.openLeg("a-1", "1");
        customer.createOffer();
        agent.createOffer();
        assertEquals(2, engine.openLegs());
        assertTrue(resourcesHeld() > 0);
        customer.close();
        agent.close();
        // The relay closes its sockets on their event loop: released soon after close() returns, not during it.
        assertTrue(waitFor(() -> engine.openLegs() == 0 && resourcesHeld() == 0, Duration.ofSeconds(2)),
                engine.openLegs() + " legs, " + resourcesHeld() + " resources still held");
        assertEquals(0, customer.stats().packetsReceived(), "counters still readable after close");
    }

    @Test
    void aMediaServerFailureMidCallEndsTheLegsWithAReason() throws Exception {
        MediaLeg customer = engine.openLeg("c-1", "1");
        MediaLeg agent = engine.openLeg("a-1", "1");
        LoopbackRtp.RtpSession callee = peers.answer("callee", customer.createOffer(), List.of("PCMU"), true);
        LoopbackRtp.RtpSession phone = peers.answer("agent", agent.createOffer(), List.of("PCMU"), true);
        customer.applyAnswer(callee.sdp());
        agent.applyAnswer(phone.sdp());
        customer.bridgeTo(agent);
        CompletableFuture<String> lostC = new CompletableFuture<>();
        CompletableFuture<String> lostA = new CompletableFuture<>();
        customer.onMediaLost(lostC::complete);
        agent.onMediaLost(lostA::complete);
        assumeTrue(failMediaServer(), "this engine has no media server apart from the dialer");
        assertTrue(!lostC.get(20, TimeUnit.SECONDS).isBlank());
        assertTrue(!lostA.get(20, TimeUnit.SECONDS).isBlank());
        customer.close();
        agent.close();
        assertTrue(waitFor(() -> engine.openLegs() == 0 && resourcesHeld() == 0, Duration.ofSeconds(2)));
    }

    /** Polls {@code condition} every 2 ms for at most {@code limit}. */
    protected static boolean waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }
}
