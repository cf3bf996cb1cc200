package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.fairdial.config.TlsKeys;
import org.fairdial.testkit.TestCerts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dialer.sip.tcp.max-connections-per-source} and {@code tls-handshake-timeout} against real sockets: one
 * source past its share has its extra connection closed at once while another source (127.0.0.2) still connects,
 * over TCP and over TLS; a closed connection gives its place back; a TLS peer that never starts its handshake is
 * cut off after the handshake timeout, long before the idle timeout.
 */
@Timeout(120)
class SipConnectionLimitsIT {
    private static final int PER_SOURCE = 3;
    private static final int PROMPT_MS = 2000;
    /** The content type of a TLS alert record (RFC 8446 5.1): what the server may send before closing. */
    private static final byte TLS_ALERT = 21;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private TestCerts.Pair ca;
    private int tlsPort;

    @BeforeEach
    void certificates() {
        TestCerts certs = new TestCerts(dir);
        ca = certs.ca("ca");
        TestCerts.Pair leaf = certs.leaf("dialer", ca, "IP:127.0.0.1");
        tlsPort = TestDialer.freePort();
        extra = """
                dialer.sip {
                  transports = [udp, tcp, tls]
                  tls { port = %d, certificate = "%s", private-key = "%s" }
                  tcp { max-connections-per-source = %d, idle-timeout = 60 seconds, tls-handshake-timeout = 1 second }
                }
                """.formatted(tlsPort, leaf.certificate(), leaf.privateKey(), PER_SOURCE);
    }

    private String extra;

    @Test
    void tcpPastTheShareOfOneSourceIsClosedWhileAnotherSourceConnects() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).extra(extra).start()) {
            int port = dialer.sipPort;
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < PER_SOURCE; i++) {
                    held.add(optionsAnswered(plain("127.0.0.1", port), "TCP", port));
                }
                long started = System.nanoTime();
                try (Socket extraOne = plain("127.0.0.1", port)) {
                    assertClosedByServer(extraOne, "TCP", port);
                } catch (java.net.SocketException resetWhileConnecting) {
                    // the server's reset may beat connect() back to the caller: closed at once all the same
                }
                assertTrue(System.nanoTime() - started < PROMPT_MS * 1_000_000L, "closed promptly");
                optionsAnswered(plain("127.0.0.2", port), "TCP", port).close();
                held.remove(0).close();
                // its place is given back once the server sees the close
                TestDialer.await("a place freed for 127.0.0.1", java.time.Duration.ofSeconds(10),
                        () -> answers("127.0.0.1", port));
                assertTrue(dialer.server.sip().overloadCounts().connectionsRefused() >= 1);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void tlsPastTheShareOfOneSourceIsClosedWhileAnotherSourceConnects() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).extra(extra).start()) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < PER_SOURCE; i++) {
                    held.add(optionsAnswered(tls("127.0.0.1"), "TLS", tlsPort));
                }
                long started = System.nanoTime();
                assertThrows(IOException.class, () -> {
                    try (SSLSocket extraOne = tls("127.0.0.1")) {
                        extraOne.startHandshake();
                    }
                }, "the connection past the share must not complete a handshake");
                assertTrue(System.nanoTime() - started < PROMPT_MS * 1_000_000L, "closed promptly");
                optionsAnswered(tls("127.0.0.2"), "TLS", tlsPort).close();
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aTlsPeerThatNeverHandshakesIsCutOffAfterTheHandshakeTimeout() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).extra(extra).start()) {
            try (Socket halfOpen = plain("127.0.0.1", tlsPort)) {
                halfOpen.setSoTimeout(15_000);
                long started = System.nanoTime();
                byte[] got = new byte[0];
                try {
                    got = halfOpen.getInputStream().readAllBytes();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the half-open TLS connection stayed open", e);
                } catch (IOException reset) {
                    // a reset is a close too
                }
                long waitedMs = (System.nanoTime() - started) / 1_000_000;
                assertTrue(got.length == 0 || got[0] == TLS_ALERT, "nothing but a TLS alert and a close comes back");
                assertTrue(waitedMs < 5_000, "closed after the 1 s handshake timeout, not the 60 s idle timeout: "
                        + waitedMs + " ms");
            }
            // a real TLS client still gets through
            optionsAnswered(tls("127.0.0.1"), "TLS", tlsPort).close();
        }
    }

    private static Socket plain(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), PROMPT_MS);
        return socket;
    }

    private SSLSocket tls(String from) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, TlsKeys.trust(ca.certificate()).getTrustManagers(), null);
        Socket tcp = plain(from, tlsPort);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, "127.0.0.1", tlsPort, true);
        socket.setSoTimeout(PROMPT_MS * 2);
        return socket;
    }

    private static boolean answers(String from, int port) {
        try (Socket s = plain(from, port)) {
            optionsAnswered(s, "TCP", port);
            return true;
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    /** Sends OPTIONS on {@code socket} and asserts a 200; returns the socket, still open. */
    private static Socket optionsAnswered(Socket socket, String transport, int port) throws IOException {
        socket.setSoTimeout(PROMPT_MS * 2);
        socket.getOutputStream().write(SipProbe.options(transport, socket.getLocalAddress().getHostAddress(),
                socket.getLocalPort(), port).getBytes(StandardCharsets.US_ASCII));
        String head = new String(readSome(socket.getInputStream(), 12), StandardCharsets.US_ASCII);
        if (!head.startsWith("SIP/2.0 200")) {
            throw new AssertionError("OPTIONS over " + transport + " got '" + head + "'");
        }
        return socket;
    }

    /** The server closes the connection without a SIP answer (a close or a reset, never a timeout). */
    private static void assertClosedByServer(Socket socket, String transport, int port) throws IOException {
        socket.setSoTimeout(PROMPT_MS);
        try {
            socket.getOutputStream().write(SipProbe.options(transport, "127.0.0.1", socket.getLocalPort(), port)
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, socket.getInputStream().read(), "no answer on the connection past the share");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection past the share stayed open", e);
        } catch (IOException reset) {
            // a reset is a close too
        }
    }

    private static byte[] readSome(InputStream in, int count) throws IOException {
        byte[] out = new byte[count];
        int read = 0;
        while (read < count) {
            int n = in.read(out, read, count - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return java.util.Arrays.copyOf(out, read);
    }
}
