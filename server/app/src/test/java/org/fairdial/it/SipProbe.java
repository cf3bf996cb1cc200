package org.fairdial.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/** Sends one OPTIONS by hand over UDP, TCP or TLS and tells whether a 200 came back in time. */
final class SipProbe {
    private static final AtomicLong NEXT = new AtomicLong();

    private SipProbe() {
    }

    static String options(String transport, String from, int fromPort, int sipPort) {
        long n = NEXT.incrementAndGet();
        return "OPTIONS sip:127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + from + ":" + fromPort + ";branch=z9hG4bK-probe-" + n + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + from + ">;tag=p" + n + "\r\n"
                + "To: <sip:127.0.0.1:" + sipPort + ">\r\n"
                + "Call-ID: probe-" + n + "-" + ProcessHandle.current().pid() + "@" + from + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** OPTIONS over UDP from {@code from} (a loopback address): true if a 200 arrives within {@code timeoutMs}. */
    static boolean udp(String from, int sipPort, int timeoutMs) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0))) {
            socket.setSoTimeout(timeoutMs);
            byte[] request = options("UDP", from, socket.getLocalPort(), sipPort)
                    .getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), sipPort));
            byte[] buffer = new byte[4096];
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (System.nanoTime() < deadline) {
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    return false;
                }
                if (new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII).startsWith("SIP/2.0 200")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** OPTIONS over a new TCP connection from {@code from} (a loopback address): true if a 200 arrives in time. */
    static boolean tcp(String from, int sipPort, int timeoutMs) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", sipPort), timeoutMs);
            return answered(socket, "TCP", sipPort, timeoutMs);
        }
    }

    /**
     * OPTIONS over a new TLS connection from {@code from} with {@code context} (trusting the server's CA): true if
     * the handshake completes and a 200 arrives in time.
     */
    static boolean tls(SSLContext context, String from, int tlsPort, int timeoutMs) throws IOException {
        try (Socket tcp = new Socket()) {
            tcp.bind(new InetSocketAddress(from, 0));
            tcp.connect(new InetSocketAddress("127.0.0.1", tlsPort), timeoutMs);
            tcp.setSoTimeout(timeoutMs);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, "127.0.0.1", tlsPort,
                    true)) {
                socket.startHandshake();
                return answered(socket, "TLS", tlsPort, timeoutMs);
            } catch (SSLException | SocketTimeoutException e) {
                return false;
            }
        }
    }

    private static boolean answered(Socket socket, String transport, int sipPort, int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        socket.getOutputStream().write(options(transport, socket.getLocalAddress().getHostAddress(),
                socket.getLocalPort(), sipPort).getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        byte[] head = new byte[12];
        int read = 0;
        try {
            while (read < head.length) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    return false;
                }
                read += n;
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
        return new String(head, StandardCharsets.US_ASCII).startsWith("SIP/2.0 200");
    }
}
