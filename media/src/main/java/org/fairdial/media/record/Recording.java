package org.fairdial.media.record;

/**
 * A recording in progress, as an engine returns it from {@link org.fairdial.media.MediaLeg#record}. Stopping it
 * flushes what is queued, closes the sink and reports what was written; the engine stops it by itself when either
 * leg closes. Thread-safe and idempotent.
 */
public interface Recording {

    /**
     * Stops recording (if not stopped yet), waits at most a few seconds for the writer to finish and closes the
     * sink.
     */
    RecordingStats stop();
}
