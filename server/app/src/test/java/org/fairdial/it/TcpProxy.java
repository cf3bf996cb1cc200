package org.fairdial.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback that a test can take down and bring back on the same port: while it is down, connecting
 * is refused and every open connection is cut, exactly as a database whose host went away. Used to put a real
 * outage between the dialer and PostgreSQL.
 */
final class TcpProxy implements AutoCloseable {
    private final int port;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    TcpProxy(int port, InetSocketAddress target) throws IOException {
        this.port = port;
        this.target = target;
        start();
    }

    int port() {
        return port;
    }

    /** Listens again on the same port. */
    synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread acceptor = new Thread(() -> accept(s), "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuses new connections and cuts the open ones. */
    synchronized void stop() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 2_000);
                if (!keep(s, client, upstream)) {
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closed) {
                // stopped, or the target refused: the client sees its connection end
            }
        }
    }

    /**
     * Registers a relayed pair unless {@link #stop()} ran while it was being set up (accepted just before the
     * listening socket closed): such a pair is closed, or it would outlive the cut.
     */
    private synchronized boolean keep(ServerSocket s, Socket client, Socket upstream) throws IOException {
        if (s.isClosed()) {
            client.close();
            upstream.close();
            return false;
        }
        sockets.add(client);
        sockets.add(upstream);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException cut) {
                // stop() closed it
            } catch (IOException e) {
                // either side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
