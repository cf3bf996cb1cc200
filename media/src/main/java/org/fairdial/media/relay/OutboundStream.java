package org.fairdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.function.LongSupplier;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.codec.G711;
import org.fairdial.media.rtp.RtpHeader;
import org.fairdial.media.rtp.RtpParser;
import org.fairdial.media.rtp.RtpSender;
import org.fairdial.media.rtp.RtpWriter;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.fairdial.media.sdp.Negotiation;
import org.fairdial.media.srtp.PacketBuffer;
import org.fairdial.media.srtp.SrtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a leg sends to its peer, from whichever source: generated frames are encoded in the negotiated codec,
 * relayed packets are routed ({@link RelayRoute}), and both are stamped by the one {@link RtpSender} and sent to
 * the SDP address or, once it has latched, to where the peer's packets really come from. On an SRTP leg every
 * packet, relayed or generated (comfort noise, prompts), is protected last, with this leg's own key and SSRC.
 *
 * <p>Confined to the leg's event loop.
 */
final class OutboundStream implements TreatmentPlayer.FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundStream.class);
    private final Channel channel;
    private final RtpSender sender;
    private final SymmetricRtpLatch latch;
    private final LegCounters counters;
    private final LongSupplier nanoClock;
    private NegotiatedMedia media;
    private boolean maySend = true;
    private SrtpSession srtp;

    OutboundStream(Channel channel, RtpSender sender, SymmetricRtpLatch latch, LegCounters counters,
                   LongSupplier nanoClock) {
        this.channel = channel;
        this.sender = sender;
        this.latch = latch;
        this.counters = counters;
        this.nanoClock = nanoClock;
    }

    /** The peer's SDP was negotiated (again): codec, address and direction may all have changed. */
    void negotiated(Negotiation negotiation) {
        media = negotiation.media();
        maySend = negotiation.maySend();
        latch.signalled(media.remote(), nanoClock.getAsLong());
    }

    /** From the next packet on, protect everything sent with {@code session} (null: plain RTP). */
    void protectWith(SrtpSession session) {
        srtp = session;
    }

    /** What was agreed with the peer, or null before its SDP. */
    NegotiatedMedia media() {
        return media;
    }

    /** The current source ended; whatever comes next starts a new talk-spurt. */
    void endOfSource() {
        sender.endOfSource();
    }

    @Override
    public void sendFrame(short[] pcm, int samples) {
        InetSocketAddress to = destination();
        if (to == null || !maySend) {
            sender.skipGenerated(samples);
            return;
        }
        Codec codec = media.codec();
        RtpSender.Stamp stamp = sender.nextGenerated(samples, nanoClock.getAsLong());
        ByteBuf packet = channel.alloc().ioBuffer(RtpParser.HEADER_SIZE + samples);
        RtpWriter.writeHeader(packet, stamp.marker(), codec.payloadType(), stamp.sequence(), stamp.timestamp(),
                sender.ssrc());
        G711.encode(codec, pcm, 0, samples, packet);
        send(packet, to);
    }

    @Override
    public void skipSamples(long samples) {
        sender.skipGenerated(samples);
    }

    /** Sends a packet received on the bridged leg, if this peer can take it; does not release {@code payload}. */
    void sendRelayed(RtpHeader header, int sourceEventPt, ByteBuf payload) {
        InetSocketAddress to = destination();
        if (media == null || to == null || !maySend) {
            return;
        }
        RelayRoute route = RelayRoute.of(header.payloadType(), sourceEventPt, media);
        if (route == null) {
            return;
        }
        RtpSender.Stamp stamp = sender.nextRelayed(header.ssrc(), header.sequence(), header.timestamp(),
                nanoClock.getAsLong());
        if (stamp == null) {
            return;
        }
        // A new talk-spurt is flagged on audio only: on telephone-event the marker means "new event".
        boolean marker = header.marker() || (stamp.marker() && route.audio());
        ByteBuf packet = channel.alloc().ioBuffer(RtpParser.HEADER_SIZE + payload.readableBytes());
        RtpWriter.writeHeader(packet, marker, route.payloadType(), stamp.sequence(), stamp.timestamp(),
                sender.ssrc());
        route.writePayload(payload, packet);
        send(packet, to);
    }

    private InetSocketAddress destination() {
        InetSocketAddress latched = latch.latched();
        if (latched != null) {
            return latched;
        }
        // c=0.0.0.0 is old-style hold (RFC 3264 section 8.4): nowhere to send until the peer sends.
        return media == null || media.remote().getAddress().isAnyLocalAddress() ? null : media.remote();
    }

    private void send(ByteBuf rtp, InetSocketAddress to) {
        if (!channel.isWritable()) {
            // Real-time audio: dropping beats queueing behind a full socket buffer.
            rtp.release();
            return;
        }
        // Counted first (the RTP payload, before SRTP adds its tag), so the stats never lag behind what the peer
        // has already received.
        int payloadOctets = rtp.readableBytes() - RtpParser.HEADER_SIZE;
        ByteBuf packet = srtp == null ? rtp : protect(rtp);
        if (packet == null) {
            return;
        }
        counters.sent(payloadOctets);
        // Void promise: a failed send is reported to LegHandler.exceptionCaught, which logs it.
        channel.writeAndFlush(new DatagramPacket(packet, to), channel.voidPromise());
    }

    /** The SRTP packet for {@code rtp}, which it releases; null (packet dropped) if the cipher failed. */
    private ByteBuf protect(ByteBuf rtp) {
        try {
            byte[] bytes = new byte[rtp.readableBytes() + srtp.overhead()];
            int length = rtp.readableBytes();
            rtp.getBytes(rtp.readerIndex(), bytes, 0, length);
            PacketBuffer srtpPacket = srtp.protect(bytes, length);
            return Unpooled.wrappedBuffer(srtpPacket.getBuffer(), srtpPacket.getOffset(), srtpPacket.getLength());
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.warn("SRTP protect failed, packet dropped", e);
            return null;
        } finally {
            rtp.release();
        }
    }
}
