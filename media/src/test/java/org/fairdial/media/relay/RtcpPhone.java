package org.fairdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fairdial.media.rtcp.RtcpCompound;
import org.fairdial.media.rtcp.RtcpParseResult;
import org.fairdial.media.rtcp.RtcpParser;
import org.fairdial.media.rtcp.RtcpWriter;
import org.fairdial.media.rtcp.ReportBlock;

/**
 * A phone that speaks RTCP, for the real-socket tests: an RTP socket and an RTCP socket (on the port above, or
 * anywhere); it talks PCMU every 20 ms leaving out every {@code dropEvery}-th sequence number (as if the
 * network lost it), records every RTCP packet it gets with its arrival time, and sends reception reports.
 */
final class RtcpPhone implements AutoCloseable {
    /** An RTCP packet as it arrived. */
    record Arrived(RtcpCompound packet, long atNanos) {
    }

    final long ssrc;
    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final List<Arrived> arrived = new ArrayList<>();
    private final ScheduledExecutorService talker = Executors.newSingleThreadScheduledExecutor();
    private final Thread listener;
    private final AtomicInteger seq = new AtomicInteger(3000);
    private volatile boolean closed;

    /** @param rtcpAbove RTCP on the RTP port + 1; otherwise on any port (for an SDP that names it with a=rtcp) */
    RtcpPhone(long ssrc, boolean rtcpAbove) throws IOException {
        this.ssrc = ssrc;
        if (rtcpAbove) {
            DatagramSocket[] pair = bindPair();
            rtp = pair[0];
            rtcp = pair[1];
        } else {
            rtp = new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, 0));
            rtcp = new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, 0));
        }
        rtcp.setSoTimeout(100);
        listener = new Thread(this::listen, "rtcp-phone-" + rtcp.getLocalPort());
        listener.setDaemon(true);
        listener.start();
    }

    private static DatagramSocket[] bindPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = FreePorts.block(2);
            try {
                DatagramSocket even = new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, base));
                try {
                    return new DatagramSocket[] {even,
                            new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, base + 1))};
                } catch (SocketException taken) {
                    even.close();
                }
            } catch (SocketException taken) {
                // raced someone: next block
            }
        }
        throw new IOException("no free even/odd UDP port pair");
    }

    int rtpPort() {
        return rtp.getLocalPort();
    }

    int rtcpPort() {
        return rtcp.getLocalPort();
    }

    /** Starts talking to {@code legPort}: PCMU every 20 ms, every {@code dropEvery}-th sequence number skipped. */
    void talk(int legPort, int dropEvery) {
        talker.scheduleAtFixedRate(() -> {
            int s = seq.getAndIncrement();
            if (s % dropEvery == 0) {
                return;
            }
            byte[] packet = RtpCapture.packet(false, 0, s & 0xFFFF, s * 160L, ssrc, new byte[160]);
            try {
                rtp.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(TestPeer.LOOPBACK, legPort)));
            } catch (IOException e) {
                // the leg closed
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    void stopTalking() {
        talker.shutdownNow();
    }

    /** Sends {@code packet} from the RTCP socket to {@code port}. */
    void sendRtcp(int port, RtcpCompound packet) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        RtcpWriter.write(packet, buf);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        rtcp.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(TestPeer.LOOPBACK, port)));
    }

    /** A block about {@code source} that echoes {@code sr} (its NTP middle bits, held since it arrived). */
    static ReportBlock echo(long source, Arrived sr, int fractionLost, long cumulativeLost, long jitter) {
        long ntp = sr.packet().senderInfo().ntpTimestamp();
        long dlsr = (System.nanoTime() - sr.atNanos()) * 65536 / 1_000_000_000L;
        return new ReportBlock(source, fractionLost, cumulativeLost, 0, jitter, (ntp >>> 16) & 0xFFFF_FFFFL, dlsr);
    }

    List<Arrived> arrived() {
        synchronized (arrived) {
            return List.copyOf(arrived);
        }
    }

    private void listen() {
        byte[] buffer = new byte[1500];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                rtcp.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            long at = System.nanoTime();
            RtcpParseResult result = RtcpParser.parse(Unpooled.wrappedBuffer(buffer, 0, packet.getLength()));
            if (result instanceof RtcpCompound compound) {
                synchronized (arrived) {
                    arrived.add(new Arrived(compound, at));
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        talker.shutdownNow();
        rtp.close();
        rtcp.close();
    }
}
