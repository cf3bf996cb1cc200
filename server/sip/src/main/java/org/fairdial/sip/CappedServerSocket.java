package org.fairdial.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listening socket that closes, as soon as it is accepted, a connection from a source already holding its
 * {@link SourceConnectionCap} share, and keeps accepting: the RI never sees it, so it costs no thread and no
 * place in {@code max-connections}. Each connection it hands over gives its place back when closed.
 */
final class CappedServerSocket extends ServerSocket {
    private final SourceConnectionCap cap;

    CappedServerSocket(SourceConnectionCap cap, int port, int backlog, InetAddress bindAddress) throws IOException {
        super(port, backlog, bindAddress);
        this.cap = cap;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            CountedSocket socket = new CountedSocket(cap);
            implAccept(socket);
            String source = socket.getInetAddress().getHostAddress();
            if (cap.acquire(source)) {
                socket.counted(source);
                return socket;
            }
            try {
                socket.setSoLinger(true, 0); // a reset: nothing of ours lingers for a refused peer
            } catch (IOException e) {
                // closing below is what matters
            }
            socket.close();
        }
    }

    /** An accepted connection that gives its place back to the cap once, when closed. */
    private static final class CountedSocket extends Socket {
        private final SourceConnectionCap cap;
        private final AtomicBoolean released = new AtomicBoolean(true);
        private volatile String source;

        CountedSocket(SourceConnectionCap cap) {
            this.cap = cap;
        }

        void counted(String from) {
            source = from;
            released.set(false);
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                if (released.compareAndSet(false, true)) {
                    cap.release(source);
                }
            }
        }
    }
}
