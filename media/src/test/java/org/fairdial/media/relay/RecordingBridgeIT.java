package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.codec.G711;
import org.fairdial.media.record.Recording;
import org.fairdial.media.record.RecordingStats;
import org.fairdial.media.record.WavFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A bridge recorded over real sockets: each phone's audio lands on its own channel, for about the talk time. */
class RecordingBridgeIT {

    @Test
    @Timeout(20)
    void eachPartysAudioOnItsChannelForTheTalkTime() throws Exception {
        int base = FreePorts.block(20);
        try (NettyMediaEngine engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base,
                base + 19, -50, Duration.ofMillis(20), 2));
             TestPeer customer = new TestPeer();
             TestPeer agent = new TestPeer()) {
            NettyMediaLeg a = (NettyMediaLeg) engine.openLeg("customer");
            NettyMediaLeg b = (NettyMediaLeg) engine.openLeg("agent");
            a.applyAnswer(customer.answer(Codec.PCMU, 101));
            b.applyAnswer(agent.answer(Codec.PCMA, 96));
            a.bridgeTo(b);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            Recording recording = a.record(b, "rec-test", sink);
            byte[] loud = new byte[160];
            Arrays.fill(loud, G711.encode(Codec.PCMU, (short) 12000));
            byte[] quiet = new byte[160];
            Arrays.fill(quiet, G711.encode(Codec.PCMA, (short) 300));
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) { // one second of both directions, paced at 20 ms
                customer.send(a.localPort(), RtpCapture.packet(i == 0, 0, 10 + i, 4000 + i * 160L, 0xC0C, loud));
                agent.send(b.localPort(), RtpCapture.packet(i == 0, 8, 900 + i, 90_000 + i * 160L, 0xA0A, quiet));
                long next = start + (i + 1) * 20_000_000L;
                while (System.nanoTime() < next) {
                    Thread.sleep(1);
                }
            }
            Thread.sleep(100);
            RecordingStats stats = recording.stop();
            assertFalse(stats.sinkFailed());
            assertTrue(stats.framesWritten() >= 95, "frames written: " + stats);
            byte[] wav = sink.toByteArray();
            int frames = (wav.length - WavFormat.HEADER_BYTES) / 4;
            assertTrue(frames >= 7600 && frames <= 10_000, "about a second: " + frames + " samples");
            ByteBuffer s = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).position(WavFormat.HEADER_BYTES);
            double left = 0;
            double right = 0;
            for (int i = 0; i < frames; i++) {
                left += Math.abs(s.getShort());
                right += Math.abs(s.getShort());
            }
            left /= frames;
            right /= frames;
            assertTrue(left > 9000, "customer's loud audio on the left: " + left);
            assertTrue(right > 200 && right < 400, "agent's quiet audio on the right: " + right);
            assertEquals(0, stats.framesDropped());
        }
    }
}
