package org.fairdial.media.rtcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.fairdial.media.FarEndReport;
import org.fairdial.media.rtp.RtpSender;
import org.fairdial.media.rtp.SequenceTracker;
import org.fairdial.media.srtp.PacketBuffer;
import org.fairdial.media.srtp.SrtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTCP side of one leg, on the port above its RTP port: reports on the section 6.3 interval, reads the
 * peer's, says BYE on close. Destination: where the peer's SDP says (a=rtcp or RTP port plus one) until an RTCP
 * packet arrives from the address the leg's RTP latched onto, which then latches RTCP the same strict way (RFC
 * 4961): nothing is read before RTP latched, from another IP than RTP's, or from another port once latched.
 *
 * <p>Confined to the leg's event loop (the RTCP channel is registered on it); the figures are read from any thread.
 */
public final class RtcpSession {
    private static final Logger LOG = LoggerFactory.getLogger(RtcpSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** IPv4 and UDP headers, which section 6.3.3 counts in the average packet size. */
    private static final int IP_UDP_OVERHEAD = 28;

    /** What the leg has sent so far, for the sender information of an SR. */
    public interface Outbound {
        long packetsSent();

        long payloadOctetsSent();
    }

    private final String legId;
    private final Channel channel;
    private final RtpSender sender;
    private final Outbound outbound;
    private final SequenceTracker received;
    private final Supplier<InetSocketAddress> rtpSource;
    private final LongSupplier nanoClock;
    private final InstantSource wallClock;
    private final String cname;
    private final JitterEstimator jitter = new JitterEstimator(8000);
    private InetSocketAddress signalled;
    private InetSocketAddress latched;
    private volatile ScheduledFuture<?> timer;
    private boolean closed;
    private boolean reportSent;
    private double averageSize = 100;
    private long sentAtLastReport;
    private long sentAtReportBefore;
    private long expectedPrior;
    private long receivedPrior;
    private long peerLastSr;
    private long peerLastSrAtNanos;
    private volatile Double jitterMs;
    private volatile FarEndReport farEnd;
    private volatile long reportsSent;
    private volatile long reportsReceived;
    private volatile long refused;
    private volatile long malformed;
    private volatile long srtcpDropped;
    /** The leg's SRTP session, or null for plain RTCP; event loop only. */
    private SrtpSession srtcp;

    /**
     * @param channel   the leg's RTCP socket, registered on the leg's event loop
     * @param sender    the leg's outbound RTP stream (its SSRC and clock)
     * @param received  the leg's loss tracker of the RTP it receives, shared, not copied
     * @param rtpSource where the leg's RTP latched, or null before
     */
    public RtcpSession(String legId, Channel channel, RtpSender sender, Outbound outbound, SequenceTracker received,
                       Supplier<InetSocketAddress> rtpSource, LongSupplier nanoClock, InstantSource wallClock) {
        this.legId = legId;
        this.channel = channel;
        this.sender = sender;
        this.outbound = outbound;
        this.received = received;
        this.rtpSource = rtpSource;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        // RFC 7022: a random CNAME, so reports tell nothing about the host.
        this.cname = HexFormat.of().formatHex(id) + "@fairdial";
    }

    /**
     * Schedules the first report; call once. Safe from any thread (the timer is queued on the leg's loop), and
     * best called from the one opening the leg, so that nothing of it runs on the loop before the first report.
     */
    public void start() {
        schedule();
    }

    /** The peer's SDP (re)negotiated: send to {@code remote} (null: nowhere yet) and learn its source afresh. */
    public void signalled(InetSocketAddress remote) {
        signalled = remote == null || remote.getPort() == 0 || remote.getAddress() == null
                || remote.getAddress().isAnyLocalAddress() ? null : remote;
        latched = null;
    }

    /**
     * From now on, reports go out as SRTCP under {@code session} and only authentic SRTCP is taken in (RFC 3711
     * section 3.4); null: plain RTCP. On the leg's event loop, with the RTP side's switch.
     */
    public void protectWith(SrtpSession session) {
        srtcp = session;
    }

    /** An RTP audio packet from the latched source (not telephone-events: see {@link JitterEstimator}). */
    public void audioReceived(long ssrc, long timestamp, long arrivalNanos) {
        jitter.arrived(ssrc, timestamp, arrivalNanos);
        jitterMs = jitter.millis();
    }

    /** A datagram on the RTCP port; the caller releases it. */
    public void datagram(DatagramPacket datagram) {
        if (closed) {
            return;
        }
        InetSocketAddress from = datagram.sender();
        InetSocketAddress rtp = rtpSource.get();
        if (rtp == null || from == null || !rtp.getAddress().equals(from.getAddress())
                || latched != null && !latched.equals(from)) {
            refused++;
            return;
        }
        ByteBuf content = datagram.content();
        if (srtcp != null) {
            content = unprotected(content);
            if (content == null) {
                srtcpDropped++;
                return;
            }
        }
        RtcpParseResult result = RtcpParser.parse(content);
        if (result instanceof RtcpParseResult.Malformed bad) {
            malformed++;
            LOG.trace("{}: dropped RTCP from {}: {}", legId, from, bad.reason());
            return;
        }
        RtcpCompound packet = (RtcpCompound) result;
        if (latched == null) {
            latched = from;
        }
        reportsReceived++;
        long now = nanoClock.getAsLong();
        averageSize = (averageSize * 15 + content.readableBytes() + IP_UDP_OVERHEAD) / 16;
        if (packet.senderInfo() != null) {
            peerLastSr = NtpTime.middle(packet.senderInfo().ntpTimestamp());
            peerLastSrAtNanos = now;
        }
        for (ReportBlock block : packet.reports()) {
            if (block.ssrc() == sender.ssrc()) {
                farEnd = farEndReport(block);
            }
        }
        if (packet.bye()) {
            LOG.debug("{}: RTCP BYE from {}", legId, from);
        }
    }

    private FarEndReport farEndReport(ReportBlock block) {
        Instant now = wallClock.instant();
        Double rtt = null;
        if (block.lastSr() != 0) {
            long units = (NtpTime.middle(NtpTime.of(now)) - block.lastSr() - block.delaySinceLastSr()) & 0xFFFF_FFFFL;
            // A negative round trip (clock step, forged LSR) wraps to a huge value: ignore it.
            rtt = units < 0x8000_0000L ? NtpTime.toMillis(units) : null;
        }
        return new FarEndReport(block.fractionLost() * 100.0 / 256, block.cumulativeLost(),
                block.jitter() * 1000.0 / 8000, rtt, now);
    }

    /** Receive-side jitter in ms as we measure it, or null. Any thread. */
    public Double jitterMillis() {
        return jitterMs;
    }

    /** The peer's latest report about our stream, or null. Any thread. */
    public FarEndReport farEnd() {
        return farEnd;
    }

    public long reportsSent() {
        return reportsSent;
    }

    public long reportsReceived() {
        return reportsReceived;
    }

    /** SRTCP packets dropped on an SRTP leg: not authentic (wrong key, forged, plain RTCP), or replayed. */
    public long srtcpDropped() {
        return srtcpDropped;
    }

    /** RTCP packets refused for their source, or dropped as malformed. */
    public long refusedOrMalformed() {
        return refused + malformed;
    }

    /** Says BYE (if the peer is known) and closes the socket. Idempotent. */
    public ChannelFuture close() {
        if (!closed) {
            closed = true;
            if (timer != null) {
                timer.cancel(false);
            }
            send(true);
        }
        return channel.close();
    }

    private void schedule() {
        // Not the SecureRandom: the interval needs no secrecy, and this runs on the RTP event loop.
        long delay = RtcpInterval.nextNanos(!reportSent, averageSize, ThreadLocalRandom.current());
        timer = channel.eventLoop().schedule(this::tick, delay, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        if (closed) {
            return;
        }
        send(false);
        schedule();
    }

    private void send(boolean bye) {
        InetSocketAddress to = latched != null ? latched : signalled;
        if (to == null || !channel.isActive()) {
            return;
        }
        RtcpCompound packet = compound(bye);
        ByteBuf out = channel.alloc().ioBuffer(128);
        RtcpWriter.write(packet, out);
        if (srtcp != null) {
            out = protectedCopy(out);
            if (out == null) {
                return;
            }
        }
        averageSize = (averageSize * 15 + out.readableBytes() + IP_UDP_OVERHEAD) / 16;
        reportSent = true;
        reportsSent++;
        channel.writeAndFlush(new DatagramPacket(out, to), channel.voidPromise());
    }

    /** The SRTCP packet {@code plain} becomes (which is released), or null if it could not be protected. */
    private ByteBuf protectedCopy(ByteBuf plain) {
        byte[] bytes = ByteBufUtil.getBytes(plain);
        plain.release();
        try {
            PacketBuffer sealed = srtcp.protectRtcp(bytes, bytes.length);
            return Unpooled.wrappedBuffer(sealed.getBuffer(), sealed.getOffset(), sealed.getLength());
        } catch (GeneralSecurityException e) {
            LOG.debug("{}: RTCP report not sent: {}", legId, e.getMessage());
            return null;
        }
    }

    /** The RTCP compound inside the SRTCP packet {@code sealed}, or null if it is not authentic. */
    private ByteBuf unprotected(ByteBuf sealed) {
        PacketBuffer buffer = new PacketBuffer(ByteBufUtil.getBytes(sealed), sealed.readableBytes());
        if (srtcp.unprotectRtcp(buffer) != SrtpSession.Verdict.OK) {
            return null;
        }
        return Unpooled.wrappedBuffer(buffer.getBuffer(), buffer.getOffset(), buffer.getLength());
    }

    /** An SR if we sent RTP within the last two report intervals (section 6.4), else an RR; with our block. */
    RtcpCompound compound(boolean bye) {
        long now = nanoClock.getAsLong();
        long sent = outbound.packetsSent();
        SenderInfo info = sent == sentAtReportBefore ? null : new SenderInfo(NtpTime.of(wallClock.instant()),
                sender.timestampAt(now), sent, outbound.payloadOctetsSent());
        sentAtReportBefore = sentAtLastReport;
        sentAtLastReport = sent;
        List<ReportBlock> blocks = received.ssrc() < 0 ? List.of() : List.of(receptionBlock(now));
        return new RtcpCompound(sender.ssrc(), info, blocks, cname, bye);
    }

    /** Appendix A.3: loss over the interval since the previous report, cumulative loss, and the LSR echo. */
    private ReportBlock receptionBlock(long now) {
        long lost = received.lost();
        long got = received.received();
        long expected = got + lost;
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (got - receivedPrior);
        expectedPrior = expected;
        receivedPrior = got;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0
                : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        long dlsr = peerLastSr == 0 ? 0 : (now - peerLastSrAtNanos) * 65536 / 1_000_000_000L;
        return new ReportBlock(received.ssrc(), fraction, lost, received.extendedHighestSequence(), jitter.units(),
                peerLastSr, dlsr & 0xFFFF_FFFFL);
    }
}
