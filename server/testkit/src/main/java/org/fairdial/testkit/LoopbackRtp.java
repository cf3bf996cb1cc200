package org.fairdial.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal RTP peer over a {@link DatagramSocket}: answers with the codecs asked for, sends 20 ms packets of
 * G.711 silence to the offer's address when told to, and counts what it receives. Enough to tell "media flows"
 * from "no media" in a signalling test; not a media engine.
 */
public final class LoopbackRtp implements PeerMedia, AutoCloseable {
    private static final Map<String, Integer> STATIC_TYPES = Map.of("PCMU", 0, "PCMA", 8, "G722", 9, "G729", 18);
    private static final int PAYLOAD_BYTES = 160;

    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loopback-rtp");
        t.setDaemon(true);
        return t;
    });
    private final List<RtpSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public RtpSession answer(String user, String offer, List<String> codecs, boolean sendRtp) throws IOException {
        List<String> chosen = codecs.isEmpty() ? List.of("PCMU") : codecs;
        RtpSession session = new RtpSession(chosen, offer);
        sessions.add(session);
        if (sendRtp && session.remote != null) {
            session.sending = sender.scheduleAtFixedRate(session::sendOne, 0, 20, TimeUnit.MILLISECONDS);
        }
        return session;
    }

    /** Sessions opened so far, in order. */
    public List<RtpSession> sessions() {
        return List.copyOf(sessions);
    }

    @Override
    public void close() {
        sessions.forEach(RtpSession::close);
        sender.shutdownNow();
    }

    /** One call's RTP socket. */
    public static final class RtpSession implements PeerMedia.Session {
        private final DatagramSocket socket;
        private final String sdp;
        private final int payloadType;
        private final InetSocketAddress remote;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong receivedPackets = new AtomicLong();
        private volatile ScheduledFuture<?> sending;
        private int sequence;
        private long timestamp;

        RtpSession(List<String> codecs, String offer) throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<Integer> types = new ArrayList<>();
            StringBuilder maps = new StringBuilder();
            for (String codec : codecs) {
                Integer type = STATIC_TYPES.get(codec.toUpperCase(Locale.ROOT));
                if (type == null) {
                    throw new IllegalArgumentException("LoopbackRtp knows " + STATIC_TYPES.keySet() + ", not " + codec);
                }
                types.add(type);
                maps.append("a=rtpmap:").append(type).append(' ').append(codec.toUpperCase(Locale.ROOT))
                        .append("/8000\r\n");
            }
            payloadType = types.get(0);
            String address = socket.getLocalAddress().getHostAddress();
            sdp = "v=0\r\no=testkit 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
                    + "m=audio " + socket.getLocalPort() + " RTP/AVP " + String.join(" ", types.stream()
                    .map(String::valueOf).toList()) + "\r\n" + maps + "a=sendrecv\r\n";
            remote = remoteOf(offer);
            Thread receiver = new Thread(this::receive, "loopback-rtp-rx-" + socket.getLocalPort());
            receiver.setDaemon(true);
            receiver.start();
        }

        private static InetSocketAddress remoteOf(String offer) {
            String address = null;
            int port = -1;
            for (String line : offer == null ? new String[0] : offer.split("\r?\n")) {
                if (line.startsWith("c=IN IP4 ")) {
                    address = line.substring(9).trim();
                } else if (line.startsWith("m=audio ")) {
                    port = Integer.parseInt(line.split(" ")[1]);
                }
            }
            return address == null || port <= 0 ? null : new InetSocketAddress(address, port);
        }

        @Override
        public String sdp() {
            return sdp;
        }

        /** The local RTP port the answer names. */
        public int port() {
            return socket.getLocalPort();
        }

        public long packetsSent() {
            return sent.get();
        }

        public long packetsReceived() {
            return receivedPackets.get();
        }

        private void sendOne() {
            byte[] packet = new byte[12 + PAYLOAD_BYTES];
            packet[0] = (byte) 0x80;
            packet[1] = (byte) payloadType;
            synchronized (this) {
                packet[2] = (byte) (sequence >> 8);
                packet[3] = (byte) sequence;
                for (int i = 0; i < 4; i++) {
                    packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
                }
                sequence = (sequence + 1) & 0xFFFF;
                timestamp += PAYLOAD_BYTES;
            }
            packet[8] = 0x7E;
            // G.711 silence: 0xFF in mu-law, 0xD5 in A-law.
            Arrays.fill(packet, 12, packet.length, payloadType == 8 ? (byte) 0xD5 : (byte) 0xFF);
            try {
                socket.send(new DatagramPacket(packet, packet.length, remote));
                sent.incrementAndGet();
            } catch (IOException e) {
                close();
            }
        }

        private void receive() {
            byte[] buffer = new byte[2048];
            while (!socket.isClosed()) {
                try {
                    socket.receive(new DatagramPacket(buffer, buffer.length));
                    receivedPackets.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> s = sending;
            if (s != null) {
                s.cancel(false);
            }
            socket.close();
        }
    }
}
