package org.fairdial.media.relay;

import org.fairdial.media.MediaConfigCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.prompt.Treatment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packet times {@link MediaConfigCheck} accepts are the ones the relay really sends: frames of ptime * 8
 * samples, paced every ptime on a real socket, and offered as a=ptime.
 */
class PacketTimeIT {

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(ints = {MediaConfigCheck.MIN_PTIME_MS, 30, MediaConfigCheck.MAX_PTIME_MS})
    @Timeout(10)
    void generatedAudioIsPacedAtTheConfiguredPacketTime(int ptimeMs) throws Exception {
        int base = FreePorts.block(4);
        try (NettyMediaEngine engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base,
                base + 3, -50, Duration.ofMillis(ptimeMs), 1));
             TestPeer peer = new TestPeer()) {
            MediaLeg leg = engine.openLeg("ptime-" + ptimeMs);
            assertTrue(leg.createOffer().contains("a=ptime:" + ptimeMs + "\r\n"), leg.createOffer());
            leg.applyAnswer(peer.answer(Codec.PCMA, -1));
            leg.playTreatment(Treatment.comfortNoiseOnly(), null);

            int count = 1 + 1000 / ptimeMs; // a second of audio
            List<RtpCapture> packets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                packets.add(peer.receive(1000));
                assertNotNull(packets.get(i), "packet " + i);
            }
            int samples = ptimeMs * Codec.CLOCK_RATE / 1000;
            long firstTimestamp = packets.get(0).header().timestamp();
            for (int i = 1; i < count; i++) {
                assertEquals(samples, packets.get(i).payload().length, "payload of packet " + i);
                // A tick the loaded machine ran late is skipped, not sent late: the timestamp then jumps by whole
                // frames, and never by anything else.
                long step = (packets.get(i).header().timestamp() - packets.get(i - 1).header().timestamp())
                        & 0xFFFFFFFFL;
                assertTrue(step > 0 && step % samples == 0, "timestamp step " + step + " at " + i);
            }
            long sentMs = ((packets.get(count - 1).header().timestamp() - firstTimestamp) & 0xFFFFFFFFL)
                    * 1000 / Codec.CLOCK_RATE;
            long receivedMs = (packets.get(count - 1).receivedNanos() - packets.get(0).receivedNanos()) / 1_000_000;
            // Paced at the packet time: a wrong pace would be off by a whole factor; 60 ms covers a loaded machine.
            assertTrue(Math.abs(sentMs - receivedMs) <= ptimeMs + 60, "audio of " + sentMs + " ms took "
                    + receivedMs + " ms to arrive, at " + ptimeMs + " ms a packet");
            long skipped = (sentMs / ptimeMs) - (count - 1);
            assertTrue(skipped <= count / 5, skipped + " of " + count + " frames skipped");
        }
    }

    @Test
    void aPacketTimeTheRelayCannotSendIsRefusedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NettyMediaEngine.start(
                new MediaConfig("127.0.0.1", "127.0.0.1", 30000, 30999, -50, Duration.ofMillis(70), 1)));
        assertEquals("invalid dialer.media settings: dialer.media.packet-time 70 ms must be a whole number of "
                + "milliseconds in 10..60", e.getMessage());
    }
}
