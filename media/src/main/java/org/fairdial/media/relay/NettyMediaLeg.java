package org.fairdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.fairdial.media.DtmfListener;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.prompt.ComfortNoise;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.record.Recording;
import org.fairdial.media.record.StereoRecorder;
import org.fairdial.media.rtcp.RtcpAddress;
import org.fairdial.media.rtcp.RtcpSession;
import org.fairdial.media.rtp.DtmfDetector;
import org.fairdial.media.rtp.ReceivedRtp;
import org.fairdial.media.rtp.RtpDecoder;
import org.fairdial.media.rtp.RtpHeader;
import org.fairdial.media.rtp.RtpSender;
import org.fairdial.media.RtpStats;
import org.fairdial.media.rtp.SequenceTracker;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.fairdial.media.sdp.Negotiation;
import org.fairdial.media.sdp.OfferAnswer;
import org.fairdial.media.sdp.SdpException;
import org.fairdial.media.sdp.SdpParser;
import org.fairdial.media.sdp.SdpWriter;
import org.fairdial.media.sdp.SessionDescription;
import org.fairdial.media.sdp.SrtpMode;
import org.fairdial.media.srtp.SrtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediaLeg} on one Netty datagram channel. Public methods may be called from any thread: SDP work is done
 * on the caller's thread, everything else is handed to the channel's event loop, which owns all mutable state,
 * so there are no locks. Relaying crosses loops: a packet received here is handed to the bridged leg's loop,
 * which stamps it with its own stream and sends it from its own socket.
 *
 * <p>{@code onPromptFinished} callbacks run on the event loop and must not block.
 */
public final class NettyMediaLeg implements MediaLeg {
    private static final Logger LOG = LoggerFactory.getLogger(NettyMediaLeg.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** About 2.5 s of both directions: a writer stalled longer than that loses frames, never the relay. */
    private static final int RECORD_QUEUE_FRAMES = 256;
    private static final long RECORD_LAG_MILLIS = 200;

    private record RecordTap(StereoRecorder recorder, int channel) {
    }

    private final String id;
    private final Channel channel;
    private final EventLoop loop;
    private final int localPort;
    private final LegSettings settings;
    private final RtpDecoder decoder;
    private final LongSupplier nanoClock;
    private final Consumer<NettyMediaLeg> onClosed;
    private final RtpSender sender;
    private final OutboundStream outbound;
    private final TreatmentPlayer player;
    private final LegCounters counters;
    private final RtcpSession rtcp;
    private final long sdpSessionId = RANDOM.nextLong() & Long.MAX_VALUE;
    private final AtomicLong sdpVersion = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile DtmfListener dtmfListener;
    /** The recording this leg's received audio goes to, and its channel; null when not recorded. */
    private volatile RecordTap recordTap;
    private final LegSrtp srtp;

    // Owned by the event loop.
    private final SymmetricRtpLatch latch = new SymmetricRtpLatch();
    private final SequenceTracker received = new SequenceTracker();
    private final DtmfDetector dtmf = new DtmfDetector();
    private NettyMediaLeg bridge;
    private Treatment pendingTreatment;
    private Runnable pendingCallback;

    /** A plain RTP leg; {@code rtcpChannel} is bound on {@code localPort} + 1 on {@code channel}'s event loop. */
    NettyMediaLeg(String id, Channel channel, Channel rtcpChannel, int localPort, LegSettings settings,
                  RtpDecoder decoder, LongSupplier nanoClock, InstantSource wallClock,
                  Consumer<NettyMediaLeg> onClosed) {
        this(id, channel, rtcpChannel, localPort, settings, decoder, nanoClock, wallClock, onClosed, SrtpMode.OFF,
                new SrtpInbound());
    }

    /**
     * A leg whose SRTP follows {@code srtpMode}; {@code srtpInbound} must be in the channel's pipeline. RTCP goes
     * as SRTCP under the same session.
     */
    NettyMediaLeg(String id, Channel channel, Channel rtcpChannel, int localPort, LegSettings settings,
                  RtpDecoder decoder, LongSupplier nanoClock, InstantSource wallClock,
                  Consumer<NettyMediaLeg> onClosed, SrtpMode srtpMode, SrtpInbound srtpInbound) {
        this.id = id;
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.localPort = localPort;
        this.settings = settings;
        this.decoder = decoder;
        this.nanoClock = nanoClock;
        this.onClosed = onClosed;
        this.sender = RtpSender.random(settings.frameSamples(), Codec.CLOCK_RATE);
        this.counters = new LegCounters(wallClock);
        this.outbound = new OutboundStream(channel, sender, latch, counters, nanoClock);
        this.srtp = new LegSrtp(srtpMode, srtpInbound);
        this.player = new TreatmentPlayer(id, loop, nanoClock, new ComfortNoise(settings.noiseDbfs()),
                settings.frameSamples(), settings.periodNanos(), outbound);
        this.rtcp = new RtcpSession(id, rtcpChannel, sender, new RtcpSession.Outbound() {
            @Override
            public long packetsSent() {
                return counters.sentCount();
            }

            @Override
            public long payloadOctetsSent() {
                return counters.sentOctets();
            }
        }, received, latch::latched, nanoClock, wallClock);
        rtcp.start();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int localPort() {
        return localPort;
    }

    /** SSRC of everything this leg sends. */
    public long ssrc() {
        return sender.ssrc();
    }

    @Override
    public String createOffer() {
        return SdpWriter.offer(sdpSessionId, sdpVersion.incrementAndGet(), settings.advertisedAddress(), localPort,
                settings.ptimeMs(), srtp.offeredProto(), srtp.offeredCryptos());
    }

    @Override
    public NegotiatedMedia applyAnswer(String sdpAnswer) throws SdpException {
        Negotiation negotiation = OfferAnswer.applyAnswer(sdpAnswer, srtp.mode(), srtp.offeredCryptos());
        SrtpSession session = srtp.forAnswer(negotiation);
        InetSocketAddress rtcpRemote = RtcpAddress.of(sdpAnswer, negotiation.mediaIndex(),
                negotiation.media().remote());
        onLoop(() -> negotiated(negotiation, session, rtcpRemote));
        return negotiation.media();
    }

    @Override
    public String answerOffer(String sdpOffer) throws SdpException {
        SessionDescription offer = SdpParser.parse(sdpOffer);
        Negotiation negotiation = OfferAnswer.answerOffer(offer, srtp.mode());
        SrtpSession session = srtp.forOffer(negotiation);
        String answer = SdpWriter.answer(sdpSessionId, sdpVersion.incrementAndGet(), settings.advertisedAddress(),
                localPort, settings.ptimeMs(), offer, negotiation, session == null ? null : session.local());
        InetSocketAddress rtcpRemote = RtcpAddress.of(sdpOffer, negotiation.mediaIndex(),
                negotiation.media().remote());
        onLoop(() -> negotiated(negotiation, session, rtcpRemote));
        return answer;
    }

    @Override
    public SrtpMode srtpMode() {
        return srtp.mode();
    }

    /** Whether the leg's media is SRTP (as last negotiated). */
    public boolean secure() {
        return srtp.secure();
    }

    /** SRTP packets this leg dropped: failed authentication, replays, unusable. */
    public long srtpDroppedPackets() {
        return srtp.dropped() + rtcp.srtcpDropped();
    }

    @Override
    public void playTreatment(Treatment treatment, Runnable onPromptFinished) {
        Objects.requireNonNull(treatment, "treatment");
        Runnable callback = onPromptFinished != null ? onPromptFinished : () -> { };
        onLoop(() -> startTreatment(treatment, callback));
    }

    @Override
    public void stopTreatment() {
        onLoop(this::haltTreatment);
    }

    @Override
    public void onDtmf(DtmfListener listener) {
        dtmfListener = listener;
    }

    @Override
    public void bridgeTo(MediaLeg other) {
        if (!(other instanceof NettyMediaLeg peer) || peer == this) {
            throw new IllegalArgumentException(id + ": cannot bridge to " + other);
        }
        onLoop(() -> link(peer));
        peer.onLoop(() -> peer.link(this));
    }

    @Override
    public Recording record(MediaLeg other, String recordingId, OutputStream sink) {
        if (!(other instanceof NettyMediaLeg peer) || peer == this) {
            throw new IllegalArgumentException(id + ": cannot record a bridge with " + other);
        }
        StereoRecorder recorder = new StereoRecorder(recordingId, sink, nanoClock, RECORD_QUEUE_FRAMES,
                RECORD_LAG_MILLIS);
        recordTap = new RecordTap(recorder, StereoRecorder.LEFT);
        peer.recordTap = new RecordTap(recorder, StereoRecorder.RIGHT);
        return () -> {
            untap(recorder);
            peer.untap(recorder);
            return recorder.stop();
        };
    }

    private void untap(StereoRecorder recorder) {
        RecordTap tap = recordTap;
        if (tap != null && tap.recorder() == recorder) {
            recordTap = null;
        }
    }

    @Override
    public RtpStats stats() {
        return counters.snapshot().withQuality(rtcp.jitterMillis(), rtcp.farEnd());
    }

    /** The leg's RTCP side (its figures; the engine attaches its socket handler). */
    RtcpSession rtcp() {
        return rtcp;
    }

    /** Datagrams dropped because they were not valid RTP. */
    public long malformedPackets() {
        return decoder.malformedCount();
    }

    /** Valid RTP refused because it came from another source than the latched one, or before the peer's SDP. */
    public long refusedPackets() {
        return counters.refusedCount();
    }

    /** Completes once the socket is closed and the port is back in the pool. */
    public CompletionStage<Void> whenClosed() {
        return closed.minimalCompletionStage();
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true) && !onLoop(this::shutdown)) {
            finishClose();
        }
    }

    @Override
    public String toString() {
        return "NettyMediaLeg[" + id + ", port " + localPort + "]";
    }

    /** The event loop that owns this leg (both sockets). */
    EventLoop eventLoop() {
        return loop;
    }

    /** Runs {@code task} on the event loop; false if the loop no longer takes tasks (engine shut down). */
    private boolean onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return true;
        }
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: event loop gone, task dropped", id);
            return false;
        }
    }

    private void negotiated(Negotiation negotiation, SrtpSession session, InetSocketAddress rtcpRemote) {
        if (closing.get()) {
            return;
        }
        srtp.apply(session, outbound, rtcp);
        outbound.negotiated(negotiation);
        rtcp.signalled(rtcpRemote);
        if (pendingTreatment != null) {
            Treatment treatment = pendingTreatment;
            Runnable callback = pendingCallback;
            pendingTreatment = null;
            pendingCallback = null;
            player.play(treatment, callback);
        }
    }

    private void startTreatment(Treatment treatment, Runnable callback) {
        if (closing.get()) {
            return;
        }
        if (outbound.media() == null) {
            // No remote yet: start the moment the answer arrives.
            pendingTreatment = treatment;
            pendingCallback = callback;
            return;
        }
        player.play(treatment, callback);
    }

    private void haltTreatment() {
        pendingTreatment = null;
        pendingCallback = null;
        if (player.playing()) {
            player.stop();
            outbound.endOfSource();
        }
    }

    private void link(NettyMediaLeg peer) {
        if (closing.get()) {
            return;
        }
        haltTreatment();
        NettyMediaLeg previous = bridge;
        bridge = peer;
        if (previous != null && previous != peer) {
            previous.onLoop(() -> previous.unlink(this));
        }
    }

    private void unlink(NettyMediaLeg peer) {
        if (bridge == peer) {
            bridge = null;
            outbound.endOfSource();
        }
    }

    /** A valid RTP packet from the network, on this leg's loop. The caller releases {@code rtp}. */
    void onReceived(ReceivedRtp rtp) {
        if (closing.get()) {
            return;
        }
        RtpHeader header = rtp.header();
        switch (latch.offer(rtp.sender(), nanoClock.getAsLong())) {
            case REFUSED -> {
                // Silently: a spray must not cost a log line per packet. Counted (fairdial.rtp.refused.packets).
                counters.refused();
                return;
            }
            case LATCHED -> {
                NegotiatedMedia media = outbound.media();
                if (media == null || !rtp.sender().equals(media.remote())) {
                    LOG.debug("{}: symmetric RTP: sending to {} (SDP said {})", id, rtp.sender(),
                            media == null ? "nothing yet" : media.remote());
                }
            }
            case ACCEPTED -> {
                // the usual case
            }
        }
        received.update(header.ssrc(), header.sequence());
        counters.received(received.lost());
        NegotiatedMedia media = outbound.media();
        if (media == null) {
            return;
        }
        int eventPt = media.telephoneEventPt();
        if (eventPt >= 0 && header.payloadType() == eventPt) {
            detect(header, rtp.content());
        } else {
            rtcp.audioReceived(header.ssrc(), header.timestamp(), nanoClock.getAsLong());
            RecordTap tap = recordTap;
            if (tap != null && header.payloadType() == media.codec().payloadType()) {
                tap.recorder().offer(tap.channel(), media.codec(), header.timestamp(),
                        ByteBufUtil.getBytes(rtp.content()));
            }
        }
        NettyMediaLeg peer = bridge;
        if (peer == null || player.playing()) {
            return;
        }
        ByteBuf payload = rtp.content().retain();
        if (peer.loop == loop) {
            // The call's legs share a loop (CallLoops): relay at once, without a task per packet.
            peer.relay(this, eventPt, header, payload);
        } else if (!peer.onLoop(() -> peer.relay(this, eventPt, header, payload))) {
            payload.release();
        }
    }

    private void detect(RtpHeader header, ByteBuf payload) {
        char digit = dtmf.offer(header, payload);
        DtmfListener listener = dtmfListener;
        if (digit != DtmfDetector.NONE && listener != null) {
            try {
                listener.pressed(digit);
            } catch (RuntimeException e) {
                LOG.warn("{}: DTMF listener failed", id, e);
            }
        }
    }

    /** Sends a packet received on {@code source} to this leg's peer, on this leg's loop; releases the payload. */
    private void relay(NettyMediaLeg source, int sourceEventPt, RtpHeader header, ByteBuf payload) {
        try {
            if (!closing.get() && bridge == source && !player.playing()) {
                outbound.sendRelayed(header, sourceEventPt, payload);
            }
        } finally {
            payload.release();
        }
    }

    private void shutdown() {
        haltTreatment();
        RecordTap tap = recordTap;
        if (tap != null) {
            recordTap = null;
            tap.recorder().finish();
        }
        NettyMediaLeg peer = bridge;
        bridge = null;
        if (peer != null) {
            peer.onLoop(() -> peer.unlink(this));
        }
        // RTCP first (its BYE leaves while the RTP socket is still open), so the pair is free when released. The
        // BYE is sealed as it is written, so the keys can be cleared right after.
        ChannelFuture rtcpClosed = rtcp.close();
        srtp.apply(null, outbound, rtcp);
        rtcpClosed.addListener(done -> channel.close().addListener(future -> finishClose()));
    }

    private void finishClose() {
        if (released.compareAndSet(false, true)) {
            // Port back in the pool first: whoever waits on whenClosed() may open a leg on it at once.
            onClosed.accept(this);
            closed.complete(null);
        }
    }
}
