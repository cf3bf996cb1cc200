package org.fairdial.media;

import java.io.OutputStream;
import java.util.function.Consumer;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.record.Recording;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.fairdial.media.sdp.SdpException;
import org.fairdial.media.sdp.SrtpMode;

/**
 * The media side of one call leg: one even RTP port with RTCP on the port above it, one outbound RTP stream with a
 * stable SSRC, sequence and timestamp whatever its source (generated treatment or relayed packets).
 *
 * <p>Thread-safe: call control calls these methods from its own executor; the work happens on the leg's Netty
 * event loop. No method blocks on the network.
 */
public interface MediaLeg extends AutoCloseable {

    /** Identifier given at {@link MediaEngine#openLeg(String)}, used in logs. */
    String id();

    /** How this leg uses SRTP, fixed when it was opened: re-INVITEs are negotiated under it too. */
    default SrtpMode srtpMode() {
        return SrtpMode.OFF;
    }

    /** Local RTP port (even, from the configured range). */
    int localPort();

    /** An SDP offer (RFC 4566/3264) for this leg: PCMU, PCMA and telephone-event/8000, ptime of packet-time. */
    String createOffer();

    /**
     * Applies the peer's SDP answer to our offer: picks the codec, sets the remote RTP address (until symmetric
     * RTP latches onto the address packets really come from).
     *
     * @throws SdpException if the SDP is malformed or has no codec in common
     */
    NegotiatedMedia applyAnswer(String sdpAnswer) throws SdpException;

    /**
     * Answers a new offer from the peer (a re-INVITE), keeping this leg's port and stream.
     *
     * @throws SdpException if the SDP is malformed or has no codec in common
     */
    String answerOffer(String sdpOffer) throws SdpException;

    /**
     * Starts (or switches to) a generated treatment: comfort noise from the next 20 ms tick, with the treatment's
     * prompt mixed on top after its delay. {@code onPromptFinished} runs once when the prompt has been sent
     * completely (never if the treatment has no prompt or is stopped first). The outbound stream stays continuous
     * across switches.
     */
    void playTreatment(Treatment treatment, Runnable onPromptFinished);

    /** Stops any generated treatment; nothing is sent until a new treatment or a bridge. */
    void stopTreatment();

    /**
     * From now on, reports the keys the peer presses (RFC 4733 telephone-events under the payload type negotiated
     * for this leg) to {@code listener}, whatever the leg does meanwhile: treatment, bridge or nothing. In a bridge
     * the events are relayed to the other leg as well. Replaces any earlier listener; null stops the reports.
     */
    void onDtmf(DtmfListener listener);

    /** Relays RTP both ways between this leg and {@code other}, stopping treatments on both. */
    void bridgeTo(MediaLeg other);

    /**
     * Reports, once, that this leg's media is gone for a reason outside the peer, e.g. the media server that
     * carries it failed or dropped the connection; {@code listener} gets a short reason for the CDR and runs on an
     * engine thread (hand it on and return). Engines whose media cannot fail apart from the dialer, like the
     * built-in relay (its peers' silence is call control's RTP timeout), never call it.
     */
    default void onMediaLost(Consumer<String> listener) {
    }

    /**
     * Starts recording the bridge between this leg (the customer: left channel) and {@code other} (the agent:
     * right channel) as one stereo WAV stream into {@code sink}, which the recording closes when it stops. Never
     * blocks media: the engine hands frames to a writer of its own. Stop the returned recording off the engine's
     * threads; the engine ends it by itself (without waiting) when either leg closes.
     *
     * @throws UnsupportedOperationException if the engine records in its own way (see its documentation)
     */
    default Recording record(MediaLeg other, String recordingId, OutputStream sink) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not record into a sink");
    }

    /** Counters for the CDR and metrics. */
    RtpStats stats();

    /** Stops everything and releases the port. Idempotent. */
    @Override
    void close();
}
