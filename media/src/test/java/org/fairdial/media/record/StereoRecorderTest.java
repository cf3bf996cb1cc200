package org.fairdial.media.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.codec.G711;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StereoRecorderTest {
    private static final long FRAME_NANOS = 20_000_000L;
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private static byte[] frame(Codec codec, short value) {
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, G711.encode(codec, value));
        return payload;
    }

    private static short[][] channels(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int frames = (wav.length - WavFormat.HEADER_BYTES) / 4;
        short[][] out = new short[2][frames];
        b.position(WavFormat.HEADER_BYTES);
        for (int i = 0; i < frames; i++) {
            out[0][i] = b.getShort();
            out[1][i] = b.getShort();
        }
        return out;
    }

    @Test
    void eachPartyOnItsOwnChannelAlignedByTimestampWithSilenceInTheGaps() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        StereoRecorder recorder = new StereoRecorder("t", sink, clock::get, 1000, 10_000);
        // Customer: frames 0..9 (200 ms), PCMU, timestamps from 1000. Agent: frames 0..4 then 8..9 (a gap), PCMA.
        for (int f = 0; f < 10; f++) {
            clock.set(1_000_000_000L + f * FRAME_NANOS);
            assertTrue(recorder.offer(StereoRecorder.LEFT, Codec.PCMU, 1000 + f * 160L, frame(Codec.PCMU, (short) 8000)));
            if (f < 5 || f >= 8) {
                recorder.offer(StereoRecorder.RIGHT, Codec.PCMA, 77_000 + f * 160L, frame(Codec.PCMA, (short) -4000));
            }
        }
        RecordingStats stats = recorder.stop();
        assertFalse(stats.sinkFailed());
        assertEquals(17, stats.framesWritten());
        assertEquals(0, stats.framesDropped());
        byte[] wav = sink.toByteArray();
        assertEquals(1600, (wav.length - WavFormat.HEADER_BYTES) / 4, "200 ms of stereo samples");
        assertEquals(0.2, stats.seconds(), 1e-9);
        short[][] ch = channels(wav);
        short left = G711.decode(Codec.PCMU, G711.encode(Codec.PCMU, (short) 8000));
        short right = G711.decode(Codec.PCMA, G711.encode(Codec.PCMA, (short) -4000));
        for (int i = 0; i < 1600; i++) {
            assertEquals(left, ch[0][i], "left sample " + i);
            boolean gap = i >= 800 && i < 1280;
            assertEquals(gap ? 0 : right, ch[1][i], "right sample " + i);
        }
        // Header: stereo, 8 kHz, 16 bit; sizes unknown until fixed.
        ByteBuffer h = ByteBuffer.wrap(WavFormat.withSizes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, h.getShort(22));
        assertEquals(8000, h.getInt(24));
        assertEquals(16, h.getShort(34));
        assertEquals(6400, h.getInt(40));
        assertEquals(6436, h.getInt(4));
    }

    @Test
    void aStreamThatStartsLaterIsPlacedWhereItArrived() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        StereoRecorder recorder = new StereoRecorder("t", sink, clock::get, 1000, 10_000);
        recorder.offer(StereoRecorder.LEFT, Codec.PCMU, 5, frame(Codec.PCMU, (short) 1000));
        clock.addAndGet(500_000_000L);
        recorder.offer(StereoRecorder.RIGHT, Codec.PCMU, 123_456, frame(Codec.PCMU, (short) 1000));
        recorder.stop();
        short[][] ch = channels(sink.toByteArray());
        assertEquals(4000 + 160, ch[0].length);
        assertEquals(0, ch[1][3999]);
        assertTrue(ch[1][4000] != 0 && ch[1][4159] != 0);
        assertTrue(ch[0][159] != 0 && ch[0][160] == 0);
    }

    @Test
    void aTimestampJumpReanchorsAtArrivalInsteadOfLeavingMinutesOfSilence() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        StereoRecorder recorder = new StereoRecorder("t", sink, clock::get, 1000, 10_000);
        recorder.offer(StereoRecorder.LEFT, Codec.PCMU, 0, frame(Codec.PCMU, (short) 1000));
        clock.addAndGet(FRAME_NANOS);
        recorder.offer(StereoRecorder.LEFT, Codec.PCMU, 3_000_000_000L, frame(Codec.PCMU, (short) 1000));
        recorder.stop();
        assertEquals(320, channels(sink.toByteArray())[0].length);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        StereoRecorder recorder = new StereoRecorder("t", stalled, clock::get, 4, 10_000);
        long start = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < 100; i++) {
            if (recorder.offer(StereoRecorder.LEFT, Codec.PCMU, i * 160L, frame(Codec.PCMU, (short) 1))) {
                accepted++;
            }
        }
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "offer never waits for the writer");
        assertEquals(4, accepted, "the writer is stuck on the header: only the queue fills");
        release.countDown();
        RecordingStats stats = recorder.stop();
        assertEquals(100 - accepted, stats.framesDropped());
    }

    @Test
    void aFailingSinkEndsTheRecordingAndSaysSo() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        StereoRecorder recorder = new StereoRecorder("t", broken, clock::get, 10, 0);
        recorder.offer(StereoRecorder.LEFT, Codec.PCMU, 0, frame(Codec.PCMU, (short) 1));
        assertTrue(recorder.stop().sinkFailed());
    }
}
