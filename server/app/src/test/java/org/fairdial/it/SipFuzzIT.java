package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.fairdial.config.TlsKeys;
import org.fairdial.testkit.TestCerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SipFuzzer} over UDP, TCP and TLS: the server keeps answering OPTIONS (over UDP, and over TLS on new
 * connections) throughout, leaks no call, SIP leg or RTP
 * port, and its log stays bounded (measured before: 28 KB of NullPointerException traces per 1000 messages).
 * 3,000 messages in the suite; {@code scripts/sip-fuzz-benchmark} runs 100,000 ({@code -Dfuzz.messages}).
 */
@Timeout(600)
class SipFuzzIT {
    private static final Logger LOG = LoggerFactory.getLogger(SipFuzzIT.class);
    private static final int MESSAGES = Integer.getInteger("fuzz.messages", 3_000);
    private static final int PROBE_EVERY = 250;
    /**
     * The probes come from another address than the fuzzer (127.0.0.1): the fuzzer's own OPTIONS are over the
     * per-source rate limit and rightly dropped, and what is checked is that its flood denies no one else.
     */
    private static final String PROBE_FROM = "127.0.0.2";
    private static final int TCP_EVERY = 7;
    /** Of the other messages, one in this many goes over TLS (each connection costs a handshake). */
    private static final int TLS_EVERY = 11;
    /** Messages on one TCP or TLS connection before the fuzzer opens another. */
    private static final int PER_CONNECTION = 40;
    /**
     * Log allowed per started minute of the run, however many messages it sends: the limits are one line per kind
     * per interval, so the log's rate is bounded, not its total.
     */
    private static final long MAX_LOG_BYTES_PER_MINUTE = 16 * 1024;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void fuzzedTrafficNeitherCrashesNorLeaksNorFloodsTheLog() throws Exception {
        Map<SipFuzzer.Mutation, Integer> sent = new EnumMap<>(SipFuzzer.Mutation.class);
        int probes = 0;
        int answered = 0;
        int tlsProbes = 0;
        int tlsAnswered = 0;
        long started;
        double seconds;
        TestCerts certs = new TestCerts(dir);
        TestCerts.Pair ca = certs.ca("ca");
        TestCerts.Pair leaf = certs.leaf("dialer", ca, "IP:127.0.0.1");
        int tlsPort = TestDialer.freePort();
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, TlsKeys.trust(ca.certificate()).getTrustManagers(), null);
        String tls = """
                dialer.sip { transports = [udp, tcp, tls]
                  tls { port = %d, certificate = "%s", private-key = "%s" } }
                """.formatted(tlsPort, leaf.certificate(), leaf.privateKey());
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000021").extra(tls).start();
             LogVolume log = LogVolume.capture();
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             Stream tcp = new Stream("TCP", () -> new Socket("127.0.0.1", dialer.sipPort));
             Stream tlsStream = new Stream("TLS", () -> tlsSocket(trusting, tlsPort))) {
            SipFuzzer fuzzer = new SipFuzzer(20261203L, dialer.sipPort);
            InetAddress target = InetAddress.getLoopbackAddress();
            started = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                sent.merge(fuzzer.mutation(), 1, Integer::sum);
                if (i % TCP_EVERY == 0) {
                    tcp.send(fuzzer);
                } else if (i % TLS_EVERY == 0) {
                    tlsStream.send(fuzzer);
                } else {
                    byte[] data = fuzzer.next("UDP", udp.getLocalPort());
                    udp.send(new DatagramPacket(data, data.length, target, dialer.sipPort));
                }
                if ((i + 1) % PROBE_EVERY == 0) {
                    probes++;
                    // one retry: a loopback UDP socket drops datagrams while the fuzzer fills its buffer
                    if (SipProbe.udp(PROBE_FROM, dialer.sipPort, 2_000)
                            || SipProbe.udp(PROBE_FROM, dialer.sipPort, 2_000)) {
                        answered++;
                    }
                    tlsProbes++;
                    if (SipProbe.tls(trusting, PROBE_FROM, tlsPort, 3_000)
                            || SipProbe.tls(trusting, PROBE_FROM, tlsPort, 3_000)) {
                        tlsAnswered++;
                    }
                }
            }
            tcp.close();
            tlsStream.close();
            seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(SipProbe.udp(PROBE_FROM, dialer.sipPort, 2_000), "OPTIONS over UDP after the run");
            assertTrue(SipProbe.tcp(PROBE_FROM, dialer.sipPort, 2_000), "OPTIONS over TCP after the run");
            assertTrue(SipProbe.tls(trusting, PROBE_FROM, tlsPort, 3_000), "OPTIONS over TLS after the run");
            SippSupport.assertNothingLeft(dialer);
            String figures = String.format("SIP fuzz: %d messages (%d over TCP, %d over TLS on %d connections) in"
                            + " %.1f s, %s; OPTIONS answered %d/%d over UDP, %d/%d over TLS during the run;"
                            + " 0 crashes; 0 calls, SIP legs, RTP ports left; %d malformed counted;"
                            + " log %d lines, %d bytes, %d stack traces",
                    MESSAGES, tcp.messages, tlsStream.messages, tlsStream.connections, seconds, sent, answered,
                    probes, tlsAnswered, tlsProbes, dialer.server.sip().malformedMessages(),
                    log.lines(), log.bytes(), log.traces());
            LOG.info(figures);
            Path out = Path.of("target", "benchmark", "sip-fuzz.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, figures + System.lineSeparator());
            assertEquals(probes, answered, "OPTIONS over UDP answered throughout");
            assertEquals(tlsProbes, tlsAnswered, "OPTIONS over TLS answered throughout");
            assertTrue(tlsStream.messages > 0 && tcp.messages > 0, "fuzzed over every transport");
            assertEquals(0, log.traces(), "stack traces logged");
            long allowed = MAX_LOG_BYTES_PER_MINUTE * (1 + (long) (seconds / 60));
            assertTrue(log.bytes() <= allowed, "log bytes " + log.bytes() + ", allowed " + allowed);
            if (MESSAGES <= 3_000) {
                assertTrue(seconds < 45, "bounded run took " + seconds + " s");
            }
        }
    }

    private static SSLSocket tlsSocket(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(3_000);
        socket.startHandshake();
        return socket;
    }

    /** A connection the fuzzer writes to, opened again every {@link #PER_CONNECTION} messages or once the server closed it. */
    private static final class Stream implements AutoCloseable {
        interface Opener {
            Socket open() throws IOException;
        }

        private final String transport;
        private final Opener opener;
        private Socket socket;
        int messages;
        int connections;

        Stream(String transport, Opener opener) {
            this.transport = transport;
            this.opener = opener;
        }

        void send(SipFuzzer fuzzer) throws IOException {
            if (socket == null || socket.isClosed() || messages % PER_CONNECTION == 0) {
                close();
                try {
                    socket = opener.open();
                    connections++;
                } catch (IOException refused) {
                    socket = null;
                    fuzzer.next(transport, 0); // keep the seeded sequence whatever happens
                    return;
                }
            }
            byte[] data = fuzzer.next(transport, socket.getLocalPort());
            messages++;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(data);
                out.flush();
            } catch (IOException closedByServer) {
                close();
            }
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}
