package org.fairdial.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.media.rtcp.ReportBlock;
import org.fairdial.media.rtcp.RtcpCompound;
import org.fairdial.media.rtcp.RtcpParseResult;
import org.fairdial.media.rtcp.RtcpParser;
import org.fairdial.media.rtcp.RtcpWriter;

/**
 * The RTCP end of a test phone, on its RTP port + 1: records every RTCP packet the dialer sends and answers each
 * sender report at once with a receiver report about the dialer's stream, with the figures given and the SR
 * echoed in LSR/DLSR (RFC 3550 6.4.1), as a phone's RTCP stack would.
 */
final class RtcpResponder implements AutoCloseable {
    private final DatagramSocket socket;
    private final long ssrc;
    private final int fractionLost;
    private final long cumulativeLost;
    private final long jitter;
    private final List<RtcpCompound> received = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    /** Reports {@code fractionLost}/256, {@code cumulativeLost} and {@code jitter} (timestamp units). */
    RtcpResponder(int port, long ssrc, int fractionLost, long cumulativeLost, long jitter) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.ssrc = ssrc;
        this.fractionLost = fractionLost;
        this.cumulativeLost = cumulativeLost;
        this.jitter = jitter;
        socket.setSoTimeout(200);
        thread = new Thread(this::run, "rtcp-responder-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        byte[] buffer = new byte[1500];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            long arrived = System.nanoTime();
            RtcpParseResult result = RtcpParser.parse(Unpooled.wrappedBuffer(buffer, 0, packet.getLength()));
            if (!(result instanceof RtcpCompound compound)) {
                continue;
            }
            synchronized (received) {
                received.add(compound);
            }
            if (compound.senderInfo() != null && !compound.bye()) {
                long lsr = (compound.senderInfo().ntpTimestamp() >>> 16) & 0xFFFF_FFFFL;
                long dlsr = (System.nanoTime() - arrived) * 65536 / 1_000_000_000L;
                reply((InetSocketAddress) packet.getSocketAddress(), new RtcpCompound(ssrc, null, List.of(
                        new ReportBlock(compound.ssrc(), fractionLost, cumulativeLost, 0, jitter, lsr, dlsr)),
                        "phone-" + socket.getLocalPort(), false));
            }
        }
    }

    private void reply(InetSocketAddress to, RtcpCompound report) {
        ByteBuf buf = Unpooled.buffer();
        RtcpWriter.write(report, buf);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            // the dialer's leg closed
        }
    }

    List<RtcpCompound> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
