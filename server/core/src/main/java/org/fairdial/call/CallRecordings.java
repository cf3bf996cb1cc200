package org.fairdial.call;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a recorded call's audio goes (the store's recordings directory and its {@code call_recording} row). The
 * call hands the returned stream to its media engine, which writes a stereo WAV into it off the call's threads and
 * closes it when the recording ends.
 */
public interface CallRecordings {
    /** Campaigns' recordings are refused: every call goes unrecorded (tests, tools). */
    CallRecordings NONE = start -> {
        throw new IOException("recording is not available here");
    };

    /**
     * Starts storing a recording and notes it beside the customer's CDR leg.
     *
     * @throws IOException if the file cannot be created (the call goes on unrecorded)
     */
    Opened open(Start start) throws IOException;

    /**
     * What a new recording is of.
     *
     * @param callId             the call
     * @param customerLegId      the customer's CDR leg, which the recording is referenced from
     * @param campaign           campaign name
     * @param e164               the callee's number (for erasure; stored as the store keeps numbers)
     * @param startedAt          when the bridge (and the recording) started
     * @param announcementPlayed the consent announcement played to the callee before the bridge
     */
    record Start(UUID callId, UUID customerLegId, String campaign, String e164, Instant startedAt,
                 boolean announcementPlayed) {
    }

    /**
     * A recording being stored.
     *
     * @param id   its reference (the CDR's and the API's), random: it says nothing of the number
     * @param sink where the WAV goes; sealed by encryption at rest when that is on
     */
    record Opened(String id, OutputStream sink) {
    }
}
