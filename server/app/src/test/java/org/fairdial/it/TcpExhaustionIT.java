package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 300 half-open TCP connections (a request cut off mid-header, then silence) from one source. Measured before
 * the fix: 500 of them took 500 server threads and were never closed. Now: the server keeps answering OPTIONS over
 * UDP and TCP, connections beyond the per-source cap are closed at once, the rest after the idle timeout, and
 * no thread is spent per connection.
 */
@Timeout(60)
class TcpExhaustionIT {
    private static final Logger LOG = LoggerFactory.getLogger(TcpExhaustionIT.class);
    private static final int CONNECTIONS = 300;
    private static final int PER_SOURCE = 200;
    private static final int IDLE_SECONDS = 3;
    private static final byte[] HALF_SENT = ("OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:9;bra")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void halfOpenConnectionsAreCappedAndClosed() throws Exception {
        String limits = "dialer.sip.tcp { max-connections = 250, max-connections-per-source = " + PER_SOURCE
                + ", idle-timeout = " + IDLE_SECONDS + " seconds }";
        try (TestDialer dialer = TestDialer.in(dir).extra(limits).start();
             Selector selector = Selector.open()) {
            assertTrue(SipProbe.udp(dialer.sipPort, 2_000), "OPTIONS over UDP before");
            int threadsBefore = Thread.activeCount();
            List<SocketChannel> channels = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", dialer.sipPort));
                    channel.write(ByteBuffer.wrap(HALF_SENT));
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ);
                    channels.add(channel);
                }
                long opened = System.nanoTime();
                int closedEarly = awaitClosed(selector, CONNECTIONS - PER_SOURCE, 2_000);
                assertEquals(CONNECTIONS - PER_SOURCE, closedEarly, "connections beyond the per-source cap closed");
                int threadsGrowth = Thread.activeCount() - threadsBefore;
                assertTrue(threadsGrowth < 20, "threads grew by " + threadsGrowth + " for " + PER_SOURCE
                        + " open connections");

                assertTrue(SipProbe.udp(dialer.sipPort, 2_000), "OPTIONS over UDP under attack");
                assertTrue(SipProbe.tcp("127.0.0.2", dialer.sipPort, 2_000),
                        "OPTIONS over TCP from another source under attack");
                assertTrue(dialer.server.sip().refusedConnections() >= CONNECTIONS - PER_SOURCE,
                        "refused connections counted");

                int closedLater = awaitClosed(selector, PER_SOURCE, (2 * IDLE_SECONDS + 3) * 1_000L);
                double seconds = (System.nanoTime() - opened) / 1e9;
                assertEquals(PER_SOURCE, closedLater, "half-open connections closed after the idle timeout");
                assertTrue(seconds < 2 * IDLE_SECONDS + 3, "closed within " + seconds + " s");
                LOG.info(String.format(
                        "%d half-open connections: %d closed at once (cap), %d closed after %.1f s; threads +%d",
                        CONNECTIONS, closedEarly, closedLater, seconds, threadsGrowth));
                assertTrue(SipProbe.tcp("127.0.0.1", dialer.sipPort, 2_000), "OPTIONS over TCP once they are gone");
            } finally {
                for (SocketChannel channel : channels) {
                    channel.close();
                }
            }
        }
    }

    /** Waits until {@code expected} registered channels see end of stream (or reset); returns how many did. */
    private static int awaitClosed(Selector selector, int expected, long timeoutMs) throws Exception {
        int closed = 0;
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        ByteBuffer sink = ByteBuffer.allocate(1024);
        while (closed < expected) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            selector.select(left);
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel channel = (SocketChannel) key.channel();
                int n;
                try {
                    sink.clear();
                    n = channel.read(sink);
                } catch (java.io.IOException reset) {
                    n = -1;
                }
                if (n < 0) {
                    key.cancel();
                    closed++;
                }
            }
            selector.selectedKeys().clear();
        }
        return closed;
    }
}
