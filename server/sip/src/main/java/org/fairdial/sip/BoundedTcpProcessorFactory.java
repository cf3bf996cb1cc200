package org.fairdial.sip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RI's NIO transports (one selector thread, no thread per connection) with a cap on inbound TCP connections,
 * per source address and in total. The RI 1.3.0-91's own {@code gov.nist.javax.sip.MAX_CONNECTIONS} and
 * {@code READ_TIMEOUT} act only on its blocking, thread-per-connection TCP processor, which is what let 500
 * half-open connections take 500 threads; in NIO mode idle connections are closed by the stack's
 * {@code NIO_MAX_SOCKET_IDLE_TIME} auditor, and the caps are ours: a connection beyond them is closed as soon as
 * it is accepted, and counted. The RI's auditor iterates an unsynchronised map the selector thread writes to, and
 * was seen not to close anything in a run, so inbound connections idle past {@code idleTimeout} (a half-sent
 * request included) are also closed by a sweep of our own, every {@code idleTimeout / 2}.
 */
final class BoundedTcpProcessorFactory extends NioMessageProcessorFactory {
    /** Thrown (without a stack trace) to make the RI drop an accepted connection beyond the caps. */
    static final class ConnectionRefused extends IOException {
        ConnectionRefused(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // expected under attack: no trace to build or log
        }
    }

    private static final OIOMessageProcessorFactory BLOCKING = new OIOMessageProcessorFactory();

    private final int maxConnections;
    private final int maxPerSource;
    private final long idleMillis;
    private final AtomicLong refused = new AtomicLong();

    BoundedTcpProcessorFactory(int maxConnections, int maxPerSource, long idleMillis) {
        this.maxConnections = maxConnections;
        this.maxPerSource = maxPerSource;
        this.idleMillis = idleMillis;
    }

    /** Inbound TCP connections closed on accept because a cap was reached. */
    long refusedConnections() {
        return refused.get();
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if ("TCP".equalsIgnoreCase(transport)) {
            return new Bounded(address, stack, port);
        }
        if ("TLS".equalsIgnoreCase(transport)) {
            // TLS stays on the blocking processor: it takes its sockets from our TlsNetworkLayer (per-stack SSL
            // context, no process-wide key-store properties), which the RI's NIO TLS does not use.
            return BLOCKING.createMessageProcessor(stack, address, port, transport);
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }

    private final class Bounded extends NioTcpMessageProcessor {
        /** Accepted channels and their source; closed ones are purged on the next accept and by the sweep. */
        private final Map<SocketChannel, InetAddress> accepted = new ConcurrentHashMap<>();
        private final Map<SocketChannel, NioTcpMessageChannel> inbound = new ConcurrentHashMap<>();
        private ScheduledExecutorService sweeper;

        Bounded(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        public void start() throws IOException {
            super.start();
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sip-tcp-idle-" + getPort());
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(100, idleMillis / 2);
            sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        }

        @Override
        public void stop() {
            if (sweeper != null) {
                sweeper.shutdownNow();
            }
            super.stop();
        }

        private void sweep() {
            long now = System.currentTimeMillis();
            for (Iterator<Map.Entry<SocketChannel, NioTcpMessageChannel>> it = inbound.entrySet().iterator();
                 it.hasNext(); ) {
                Map.Entry<SocketChannel, NioTcpMessageChannel> e = it.next();
                if (!e.getKey().isOpen()) {
                    it.remove();
                } else if (now - e.getValue().getLastActivityTimestamp() > idleMillis) {
                    it.remove();
                    try {
                        e.getValue().close();
                    } catch (RuntimeException closing) {
                        // the channel is going anyway; the sweep must go on for the others
                    }
                }
            }
        }

        /** Called by the selector thread for each accepted connection (and only then), before it is read. */
        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel channel)
                throws IOException {
            InetAddress source = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
            int total = 0;
            int fromSource = 0;
            for (Iterator<Map.Entry<SocketChannel, InetAddress>> it = accepted.entrySet().iterator();
                 it.hasNext(); ) {
                Map.Entry<SocketChannel, InetAddress> e = it.next();
                if (!e.getKey().isOpen()) {
                    it.remove();
                } else {
                    total++;
                    if (e.getValue().equals(source)) {
                        fromSource++;
                    }
                }
            }
            if (total >= maxConnections || fromSource >= maxPerSource) {
                refused.incrementAndGet();
                channel.close();
                throw new ConnectionRefused(total >= maxConnections
                        ? "TCP connection refused: " + total + " open, the cap"
                        : "TCP connection refused: " + fromSource + " open from " + source.getHostAddress()
                                + ", the per-source cap");
            }
            accepted.put(channel, source);
            NioTcpMessageChannel created = super.createMessageChannel(processor, channel);
            inbound.put(channel, created);
            return created;
        }
    }
}
