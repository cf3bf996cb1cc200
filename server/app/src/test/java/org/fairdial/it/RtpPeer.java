package org.fairdial.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fairdial.media.srtp.PacketBuffer;
import org.fairdial.media.srtp.SrtpSession;

/**
 * The media end of a test peer (callee or agent): a UDP socket the peer's SDP points at. It records every RTP
 * packet that arrives and, when asked to talk, answers symmetric-RTP style to the address packets come from,
 * with a recognisable PCMU payload every 20 ms.
 */
final class RtpPeer implements AutoCloseable {
    /** An RTP packet as it arrived. */
    record Packet(Instant at, InetSocketAddress from, int payloadType, int seq, long timestamp, long ssrc,
                  byte[] payload) {
    }

    private final DatagramSocket socket;
    private final List<Packet> received = new ArrayList<>();
    private final Thread receiver;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private volatile InetSocketAddress remote;
    private volatile byte talkFill;
    private volatile boolean talking;
    private boolean scheduled;
    private volatile boolean closed;
    /** One stream whatever it carries (audio, then events): one SSRC, one sequence. */
    private final int ssrc;
    private final AtomicInteger nextSeq = new AtomicInteger(1000);
    /** SRTP for an encrypting phone (null: plain RTP): sending on the sender thread, receiving on the receiver's. */
    private volatile SrtpSession srtp;
    private volatile long unauthentic;

    private RtpPeer(DatagramSocket socket) throws SocketException {
        this.socket = socket;
        this.ssrc = socket.getLocalPort() * 7919;
        socket.setSoTimeout(200);
        receiver = new Thread(this::receive, "rtp-peer-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    /**
     * From now on, a phone with SRTP: what it sends is protected under {@code session}, and what arrives is kept
     * only if it authenticates (the others are counted in {@link #unauthentic}).
     */
    void encrypting(SrtpSession session) {
        this.srtp = session;
    }

    /** Packets that failed SRTP authentication on an encrypting phone. */
    long unauthentic() {
        return unauthentic;
    }

    /** Binds a free even port on 127.0.0.1 at or above {@code from}. */
    static RtpPeer open(int from) throws IOException {
        for (int port = from + (from % 2); port < from + 2000; port += 2) {
            try {
                return new RtpPeer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            } catch (SocketException busy) {
                // next one
            }
        }
        throw new IOException("no free even UDP port from " + from);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** From now on, answer every 20 ms with 160 bytes of {@code fill} (PT 0) to whoever sends us RTP. */
    void talk(byte fill) {
        talkFill = fill;
        if (!talking) {
            talking = true;
            if (!scheduled) {
                scheduled = true;
                sender.scheduleAtFixedRate(this::sendFrame, 0, 20, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Stops talking (the socket stays open and keeps recording), as a phone whose audio died would. */
    void silence() {
        talking = false;
    }

    private void sendFrame() {
        InetSocketAddress to = remote;
        if (to == null || closed || !talking) {
            return;
        }
        int s = nextSeq.getAndIncrement();
        byte[] payload = new byte[160];
        Arrays.fill(payload, talkFill);
        send(to, false, 0, s, s * 160, payload);
    }

    private void send(InetSocketAddress to, boolean marker, int pt, int seq, int ts, byte[] payload) {
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | pt);
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        packet[4] = (byte) (ts >> 24);
        packet[5] = (byte) (ts >> 16);
        packet[6] = (byte) (ts >> 8);
        packet[7] = (byte) ts;
        packet[8] = (byte) (ssrc >> 24);
        packet[9] = (byte) (ssrc >> 16);
        packet[10] = (byte) (ssrc >> 8);
        packet[11] = (byte) ssrc;
        System.arraycopy(payload, 0, packet, 12, payload.length);
        int length = packet.length;
        SrtpSession session = srtp;
        if (session != null) {
            try {
                PacketBuffer sealed = session.protect(packet, packet.length);
                packet = sealed.getBuffer();
                length = sealed.getLength();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            socket.send(new DatagramPacket(packet, length, to));
        } catch (IOException e) {
            // the dialer's port closed at the end of the call
        }
    }

    /**
     * Presses {@code key} (RFC 4733 event {@code code}, 0-9, 10 = *, 11 = #) as a phone does, under payload type
     * {@code pt}, to where the dialer's RTP comes from: three 20 ms updates (marker on the first), then the end
     * packet three times (RFC 4733 2.5.1.4), all with the event's start timestamp, 20 ms apart. Returns when the
     * first end packet left.
     */
    Instant press(int code, int pt) throws InterruptedException {
        InetSocketAddress to = remote;
        if (to == null) {
            throw new IllegalStateException("no RTP from the dialer yet: nowhere to send the key");
        }
        int start = nextSeq.get() * 160;
        Instant firstEnd = null;
        for (int i = 1; i <= 6; i++) {
            boolean end = i > 3;
            int duration = Math.min(i, 4) * 160;
            byte[] payload = {(byte) code, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
            if (end && firstEnd == null) {
                firstEnd = Instant.now();
            }
            send(to, i == 1, pt, nextSeq.getAndIncrement(), start, payload);
            Thread.sleep(20);
        }
        return firstEnd;
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            Instant at = Instant.now();
            if (packet.getLength() < 12) {
                continue;
            }
            byte[] b = packet.getData();
            int length = packet.getLength();
            SrtpSession session = srtp;
            if (session != null) {
                PacketBuffer opened = new PacketBuffer(Arrays.copyOf(b, length), length);
                if (session.unprotect(opened) != SrtpSession.Verdict.OK) {
                    unauthentic++;
                    continue;
                }
                b = opened.getBuffer();
                length = opened.getLength();
            }
            int seq = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            long ts = ((long) (b[4] & 0xff) << 24) | ((b[5] & 0xff) << 16) | ((b[6] & 0xff) << 8) | (b[7] & 0xff);
            long ssrc = ((long) (b[8] & 0xff) << 24) | ((b[9] & 0xff) << 16) | ((b[10] & 0xff) << 8)
                    | (b[11] & 0xff);
            byte[] payload = Arrays.copyOfRange(b, 12, length);
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            remote = from;
            synchronized (received) {
                received.add(new Packet(at, from, b[1] & 0x7f, seq, ts, ssrc, payload));
            }
        }
    }

    List<Packet> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Packets whose payload is {@code fill} in every byte (what the other side's peer said). */
    long countPayload(byte fill) {
        return received().stream().filter(p -> p.payload().length > 0 && allEqual(p.payload(), fill)).count();
    }

    private static boolean allEqual(byte[] payload, byte fill) {
        for (byte b : payload) {
            if (b != fill) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        sender.shutdownNow();
        socket.close();
    }
}
