package org.fairdial.media.record;

/**
 * What a recording wrote, for the CDR and metrics: seconds of audio, frames written, frames dropped because the
 * writer fell behind or they came too late to place on the timeline, and whether the sink failed (the recording is
 * then incomplete; the call went on).
 */
public record RecordingStats(double seconds, long framesWritten, long framesDropped, boolean sinkFailed) {
}
