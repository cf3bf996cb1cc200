package org.fairdial.media.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import org.fairdial.media.codec.Codec;

/** A phone at the far end of a leg, for the real-socket tests: a plain UDP socket on loopback. */
final class TestPeer implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramSocket socket;
    private final byte[] buffer = new byte[2048];

    TestPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    }

    int port() {
        return socket.getLocalPort();
    }

    /** An SDP answer pointing at this peer. */
    String answer(Codec codec, int telephoneEventPt) {
        return sdpFor(port(), codec, telephoneEventPt);
    }

    static String sdpFor(int port, Codec codec, int telephoneEventPt) {
        String events = telephoneEventPt < 0 ? "" : " " + telephoneEventPt;
        String eventMap = telephoneEventPt < 0 ? ""
                : "a=rtpmap:" + telephoneEventPt + " telephone-event/8000\r\na=fmtp:" + telephoneEventPt + " 0-16\r\n";
        return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP " + codec.payloadType() + events + "\r\n"
                + "a=rtpmap:" + codec.payloadType() + " " + codec.encodingName() + "/8000\r\n" + eventMap
                + "a=ptime:20\r\na=sendrecv\r\n";
    }

    /** The next RTP packet, or null if none arrives within {@code timeoutMs}. */
    RtpCapture receive(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return RtpCapture.of(packet.getData().clone(), packet.getLength(), System.nanoTime());
    }

    /** The next datagram as received (e.g. SRTP), or null if none arrives within {@code timeoutMs}. */
    byte[] receiveRaw(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return java.util.Arrays.copyOf(packet.getData(), packet.getLength());
    }

    void send(int port, byte[] rtp) throws IOException {
        socket.send(new DatagramPacket(rtp, rtp.length, new InetSocketAddress(LOOPBACK, port)));
    }

    @Override
    public void close() {
        socket.close();
    }
}
