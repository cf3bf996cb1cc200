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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SipFuzzer} over UDP and TCP: the server keeps answering OPTIONS throughout, leaks no call, SIP leg or RTP
 * port, and its log stays bounded (measured before: 28 KB of NullPointerException traces per 1000 messages).
 * 3,000 messages in the suite; {@code scripts/sip-fuzz-benchmark} runs 100,000 ({@code -Dfuzz.messages}).
 */
@Timeout(600)
class SipFuzzIT {
    private static final Logger LOG = LoggerFactory.getLogger(SipFuzzIT.class);
    private static final int MESSAGES = Integer.getInteger("fuzz.messages", 3_000);
    private static final int PROBE_EVERY = 250;
    private static final int TCP_EVERY = 7;
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
        int tcpMessages = 0;
        long started;
        double seconds;
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000021").start();
             LogVolume log = LogVolume.capture();
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            SipFuzzer fuzzer = new SipFuzzer(20261203L, dialer.sipPort);
            InetAddress target = InetAddress.getLoopbackAddress();
            Socket tcp = null;
            started = System.nanoTime();
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    sent.merge(fuzzer.mutation(), 1, Integer::sum);
                    if (i % TCP_EVERY == 0) {
                        if (tcp == null || tcp.isClosed() || tcpMessages % 40 == 0) {
                            close(tcp);
                            tcp = new Socket("127.0.0.1", dialer.sipPort);
                        }
                        byte[] data = fuzzer.next("TCP", tcp.getLocalPort());
                        tcpMessages++;
                        try {
                            OutputStream out = tcp.getOutputStream();
                            out.write(data);
                            out.flush();
                        } catch (IOException closedByServer) {
                            close(tcp);
                            tcp = null;
                        }
                    } else {
                        byte[] data = fuzzer.next("UDP", udp.getLocalPort());
                        udp.send(new DatagramPacket(data, data.length, target, dialer.sipPort));
                    }
                    if ((i + 1) % PROBE_EVERY == 0) {
                        probes++;
                        if (SipProbe.udp(dialer.sipPort, 2_000) || SipProbe.udp(dialer.sipPort, 2_000)) {
                            answered++;
                        }
                    }
                }
            } finally {
                close(tcp);
            }
            seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(SipProbe.udp(dialer.sipPort, 2_000), "OPTIONS over UDP after the run");
            assertTrue(SipProbe.tcp("127.0.0.1", dialer.sipPort, 2_000), "OPTIONS over TCP after the run");
            SippSupport.assertNothingLeft(dialer);
            String figures = String.format("SIP fuzz: %d messages (%d over TCP) in %.1f s, %s; OPTIONS answered %d/%d"
                            + " during the run; 0 crashes; 0 calls, SIP legs, RTP ports left; %d malformed counted;"
                            + " log %d lines, %d bytes, %d stack traces",
                    MESSAGES, tcpMessages, seconds, sent, answered, probes, dialer.server.sip().malformedMessages(),
                    log.lines(), log.bytes(), log.traces());
            LOG.info(figures);
            Path out = Path.of("target", "benchmark", "sip-fuzz.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, figures + System.lineSeparator());
            assertEquals(probes, answered, "OPTIONS answered throughout");
            assertEquals(0, log.traces(), "stack traces logged");
            long allowed = MAX_LOG_BYTES_PER_MINUTE * (1 + (long) (seconds / 60));
            assertTrue(log.bytes() <= allowed, "log bytes " + log.bytes() + ", allowed " + allowed);
            if (MESSAGES <= 3_000) {
                assertTrue(seconds < 30, "bounded run took " + seconds + " s");
            }
        }
    }

    private static void close(Socket socket) throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
