package org.fairdial.media.relay;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.fairdial.media.prompt.ComfortNoise;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.prompt.TreatmentSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays treatments on a leg's event loop: one timer re-armed for each {@link FramePacer} deadline, frames handed
 * to a {@link FrameSink}. Switching treatment swaps the frame source but keeps the pacing and the noise
 * generator, so the outgoing stream and the noise itself carry on without a seam.
 *
 * <p>Confined to the event loop it is given.
 */
final class TreatmentPlayer {
    private static final Logger LOG = LoggerFactory.getLogger(TreatmentPlayer.class);

    /** Where frames go. */
    interface FrameSink {
        void sendFrame(short[] pcm, int samples);

        /** Frames not sent because the tick came too late; their time still passes for the RTP timestamp. */
        void skipSamples(long samples);
    }

    private final String legId;
    private final EventExecutor loop;
    private final LongSupplier nanoClock;
    private final ComfortNoise noise;
    private final int frameSamples;
    private final long periodNanos;
    private final FrameSink sink;
    private final short[] pcm;
    private TreatmentSource source;
    private Runnable onPromptFinished;
    private FramePacer pacer;
    private ScheduledFuture<?> timer;

    TreatmentPlayer(String legId, EventExecutor loop, LongSupplier nanoClock, ComfortNoise noise, int frameSamples,
                    long periodNanos, FrameSink sink) {
        this.legId = legId;
        this.loop = loop;
        this.nanoClock = nanoClock;
        this.noise = noise;
        this.frameSamples = frameSamples;
        this.periodNanos = periodNanos;
        this.sink = sink;
        this.pcm = new short[frameSamples];
    }

    boolean playing() {
        return source != null;
    }

    /** Starts {@code treatment} now, or switches to it at the next tick if one is already playing. */
    void play(Treatment treatment, Runnable promptFinished) {
        source = new TreatmentSource(treatment, noise, frameSamples);
        onPromptFinished = treatment.prompt() != null ? promptFinished : null;
        if (pacer == null) {
            // The first packet leaves at once, and the 20 ms grid is anchored on when it really left: a slow
            // first frame (cold code on a fresh loop) must not count as lateness and cost a skipped frame.
            sendFrame();
            pacer = new FramePacer(nanoClock.getAsLong(), periodNanos);
            timer = loop.schedule(this::tick, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops playing; a pending prompt callback is dropped. */
    void stop() {
        source = null;
        onPromptFinished = null;
        pacer = null;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void tick() {
        FramePacer current = pacer;
        if (current == null) {
            return;
        }
        timer = null;
        FramePacer.Tick tick = current.onTick(nanoClock.getAsLong());
        for (int i = 0; i < tick.send(); i++) {
            sendFrame();
        }
        if (tick.skip() > 0) {
            LOG.debug("{}: treatment timer {} frames late, skipping them", legId, tick.skip());
            sink.skipSamples(tick.skip() * frameSamples);
        }
        timer = loop.schedule(this::tick, tick.delayNanos(), TimeUnit.NANOSECONDS);
    }

    private void sendFrame() {
        source.nextFrame(pcm);
        sink.sendFrame(pcm, frameSamples);
        if (onPromptFinished != null && source.promptFinished()) {
            Runnable callback = onPromptFinished;
            onPromptFinished = null;
            // Run after this tick, not inside it: the callback may well switch or stop the treatment.
            loop.execute(() -> runCallback(callback));
        }
    }

    private void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: onPromptFinished callback failed", legId, e);
        }
    }
}
