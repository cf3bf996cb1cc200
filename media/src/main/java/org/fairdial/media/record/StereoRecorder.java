package org.fairdial.media.record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.codec.G711;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records two G.711 streams into one 8 kHz 16-bit stereo WAV: channel {@link #LEFT} (the customer) and
 * {@link #RIGHT} (the agent). {@link #offer} is called on a relay event loop and only copies the payload into a
 * bounded queue; a writer thread of its own decodes, places each frame on a common timeline and writes.
 *
 * <p>The timeline: a stream's first frame is placed where it arrived (its arrival time after the recording started,
 * in samples); later frames are placed by their RTP timestamps from there, so the media's own clock, not the
 * network's jitter, spaces them. A frame whose timestamp puts it more than a second away from its arrival (a new
 * SSRC, a timestamp jump) re-anchors the stream at its arrival. The writer emits the timeline up to
 * {@code lag} behind now, filling what no frame covered with silence, so both channels stay in step; a frame later
 * than that is dropped (counted), as is any frame the queue has no room for: media never waits for the disk.
 */
public final class StereoRecorder implements Recording {
    public static final int LEFT = 0;
    public static final int RIGHT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(StereoRecorder.class);
    private static final int RATE = WavFormat.SAMPLE_RATE;
    /** Samples the timeline holds ahead of what is written: frames beyond it are dropped. */
    private static final int RING = 4 * RATE;
    private static final int REANCHOR = RATE;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private record Frame(int channel, Codec codec, long rtpTimestamp, long arrivalNanos, byte[] payload) {
    }

    private final String id;
    private final OutputStream sink;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final long lagSamples;
    private final BlockingQueue<Frame> queue;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean failed;
    private volatile RecordingStats result;

    // Owned by the writer thread.
    private final short[][] ring = {new short[RING], new short[RING]};
    private final boolean[] anchored = new boolean[2];
    private final long[] anchorPosition = new long[2];
    private final long[] anchorTimestamp = new long[2];
    private long flushed;
    private long highest;
    private long written;

    /**
     * Starts recording: writes the WAV header and starts the writer thread.
     *
     * @param queueFrames frames the queue holds (both channels together) before frames are dropped
     * @param lagMillis   how long the writer waits for a late frame before it writes silence in its place
     */
    public StereoRecorder(String id, OutputStream sink, LongSupplier nanoClock, int queueFrames, long lagMillis) {
        this.id = id;
        this.sink = new BufferedOutputStream(sink, 16 * 1024);
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lagSamples = lagMillis * RATE / 1000;
        this.queue = new ArrayBlockingQueue<>(queueFrames);
        this.writer = new Thread(this::run, "recorder-" + id);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Hands one received frame over; never blocks. False (and counted) if the recording stopped, failed, or the
     * queue is full.
     */
    public boolean offer(int channel, Codec codec, long rtpTimestamp, byte[] payload) {
        if (stopping.get() || failed) {
            return false;
        }
        if (!queue.offer(new Frame(channel, codec, rtpTimestamp & 0xFFFFFFFFL, nanoClock.getAsLong(), payload))) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Ends the recording without waiting for the writer (safe on an event loop); {@link #stop} still reports. */
    public void finish() {
        stopping.set(true);
    }

    @Override
    public RecordingStats stop() {
        stopping.set(true);
        try {
            writer.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RecordingStats stats = result;
        return stats != null ? stats : new RecordingStats(written / (double) RATE, 0, dropped.get(), true);
    }

    private void run() {
        long framesWritten = 0;
        try {
            sink.write(WavFormat.header(2, -1));
            sink.flush();
            while (!stopping.get()) {
                Frame frame = queue.poll(20, TimeUnit.MILLISECONDS);
                if (frame != null && place(frame)) {
                    framesWritten++;
                }
                flushTo(samplesAt(nanoClock.getAsLong()) - lagSamples);
            }
            for (Frame frame = queue.poll(); frame != null; frame = queue.poll()) {
                if (place(frame)) {
                    framesWritten++;
                }
            }
            flushTo(highest);
            sink.flush();
        } catch (IOException e) {
            failed = true;
            LOG.warn("{}: recording sink failed, recording incomplete: {}", id, e.toString());
        } catch (InterruptedException e) {
            failed = true;
            Thread.currentThread().interrupt();
        } finally {
            try {
                sink.close();
            } catch (IOException e) {
                failed = true;
                LOG.warn("{}: recording sink did not close: {}", id, e.toString());
            }
            result = new RecordingStats(written / (double) RATE, framesWritten, dropped.get(), failed);
        }
    }

    private long samplesAt(long nanos) {
        return (nanos - startNanos) * RATE / 1_000_000_000L;
    }

    /** Puts a frame on the timeline; false (counted) if it fell outside the part not written yet. */
    private boolean place(Frame frame) {
        int ch = frame.channel();
        long arrival = samplesAt(frame.arrivalNanos());
        long position = anchorPosition[ch] + (frame.rtpTimestamp() - anchorTimestamp[ch]);
        if (!anchored[ch] || Math.abs(position - arrival) > REANCHOR) {
            anchored[ch] = true;
            anchorPosition[ch] = arrival;
            anchorTimestamp[ch] = frame.rtpTimestamp();
            position = arrival;
        }
        byte[] payload = frame.payload();
        if (position < flushed || position + payload.length > flushed + RING) {
            dropped.incrementAndGet();
            return false;
        }
        short[] samples = ring[ch];
        for (int i = 0; i < payload.length; i++) {
            samples[(int) ((position + i) % RING)] = G711.decode(frame.codec(), payload[i]);
        }
        highest = Math.max(highest, position + payload.length);
        return true;
    }

    /** Writes the timeline up to {@code target} (exclusive), both channels interleaved, and clears it. */
    private void flushTo(long target) throws IOException {
        short[] left = ring[LEFT];
        short[] right = ring[RIGHT];
        for (; flushed < target; flushed++) {
            int i = (int) (flushed % RING);
            short l = left[i];
            short r = right[i];
            left[i] = 0;
            right[i] = 0;
            sink.write(l & 0xFF);
            sink.write((l >> 8) & 0xFF);
            sink.write(r & 0xFF);
            sink.write((r >> 8) & 0xFF);
            written++;
        }
    }
}
