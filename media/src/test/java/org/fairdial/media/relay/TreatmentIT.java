package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A leg playing treatments to a real UDP socket on loopback. */
class TreatmentIT {
    private NettyMediaEngine engine;
    private TestPeer peer;

    @BeforeEach
    void start() throws Exception {
        int base = FreePorts.block(20);
        engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base, base + 19, -50,
                Duration.ofMillis(20), 1));
        peer = new TestPeer();
    }

    @AfterEach
    void stop() {
        engine.close();
        peer.close();
    }

    @Test
    @Timeout(10)
    void noiseIsPacedEvery20msThenAPromptFollowsSeamlessly() throws Exception {
        MediaLeg leg = engine.openLeg("treatment-it");
        leg.applyAnswer(peer.answer(Codec.PCMU, -1));
        long answeredAt = System.nanoTime();
        leg.playTreatment(Treatment.comfortNoiseOnly(), null);

        List<RtpCapture> noise = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            noise.add(peer.receive(1000));
            assertNotNull(noise.get(i), "packet " + i);
        }
        long firstAfterMs = (noise.get(0).receivedNanos() - answeredAt) / 1_000_000;
        assertTrue(firstAfterMs < 100, "first packet " + firstAfterMs + " ms after the answer");
        double meanMs = (noise.get(50).receivedNanos() - noise.get(0).receivedNanos()) / 50 / 1e6;
        assertTrue(meanMs >= 19 && meanMs <= 21, "mean spacing " + meanMs + " ms");
        assertTrue(noise.get(0).header().marker());
        for (RtpCapture p : noise) {
            assertEquals(0, p.header().payloadType());
            assertEquals(160, p.payload().length);
            assertTrue(p.dbfs(Codec.PCMU) > -65, "never silence: " + p.dbfs(Codec.PCMU));
        }
        assertContinuous(noise);

        short[] tone = new short[1600]; // 200 ms of a 500 Hz tone at -9 dBFS
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (16384 * Math.sin(2 * Math.PI * 500 * i / 8000.0));
        }
        CountDownLatch finished = new CountDownLatch(1);
        leg.playTreatment(new Treatment(Prompt.ofSamples("tone", tone), Duration.ZERO), finished::countDown);
        List<RtpCapture> all = new ArrayList<>(noise);
        while (finished.getCount() > 0) {
            RtpCapture p = peer.receive(1000);
            assertNotNull(p);
            all.add(p);
        }
        for (int i = 0; i < 3; i++) {
            all.add(peer.receive(1000));
        }
        assertContinuous(all);
        long loud = all.stream().skip(noise.size()).filter(p -> p.dbfs(Codec.PCMU) > -15).count();
        assertEquals(10, loud, "200 ms of prompt = 10 frames");
        assertTrue(all.get(all.size() - 1).dbfs(Codec.PCMU) < -40, "back to noise");
        assertTrue(finished.await(1, TimeUnit.SECONDS));
        assertTrue(leg.stats().packetsSent() >= all.size(), "stats count what was sent");
    }

    private static void assertContinuous(List<RtpCapture> packets) {
        long ssrc = packets.get(0).header().ssrc();
        for (int i = 1; i < packets.size(); i++) {
            var previous = packets.get(i - 1).header();
            var current = packets.get(i).header();
            assertEquals(ssrc, current.ssrc(), "SSRC stable");
            assertEquals((previous.sequence() + 1) & 0xFFFF, current.sequence(), "seq +1 at " + i);
            assertEquals((previous.timestamp() + 160) & 0xFFFFFFFFL, current.timestamp(), "ts +160 at " + i);
            assertFalse(current.marker(), "no new talk-spurt at " + i);
        }
    }
}
