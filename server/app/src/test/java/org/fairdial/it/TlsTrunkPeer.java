package org.fairdial.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.fairdial.config.TlsKeys;

/**
 * A carrier on a TLS socket for the dialer's INVITEs: it records the handshake (version, the server name the
 * dialer asked for) and each request, and answers every INVITE 486 Busy Here so the call ends at once. A plain
 * JDK TLS server, because Debian's SIPp has no TLS.
 */
final class TlsTrunkPeer implements AutoCloseable {
    /** One completed handshake: the protocol and the SNI host name the client sent (null for none). */
    record Handshake(String protocol, String serverName) {
    }

    final LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final SSLServerSocket server;
    private final Thread acceptor;

    TlsTrunkPeer(Path certificate, Path key) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(TlsKeys.fromPem(certificate, key, Instant.now()).getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "tls-trunk");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                Thread t = new Thread(() -> serve(s), "tls-trunk-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s) {
            s.startHandshake();
            String sni = null;
            if (s.getSession() instanceof ExtendedSSLSession ext) {
                sni = ext.getRequestedServerNames().stream().filter(n -> n instanceof SNIHostName)
                        .map(n -> ((SNIHostName) n).getAsciiName()).findFirst().orElse(null);
            }
            handshakes.add(new Handshake(s.getSession().getProtocol(), sni));
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            String message;
            while ((message = readMessage(in)) != null) {
                requests.add(message);
                if (message.startsWith("INVITE ")) {
                    out.write(busy(message).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException e) {
            failures.add(e.toString());
        }
    }

    private static String busy(String invite) {
        List<String> lines = invite.lines().toList();
        String headers = lines.stream().filter(l -> {
            String lower = l.toLowerCase(Locale.ROOT);
            return lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                    || lower.startsWith("cseq:");
        }).collect(Collectors.joining("\r\n"));
        String to = lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("to:")).findFirst()
                .orElseThrow();
        return "SIP/2.0 486 Busy Here\r\n" + headers + "\r\n" + to + ";tag=trunk486\r\nContent-Length: 0\r\n\r\n";
    }

    /** One SIP message (headers and body by Content-Length), or null at end of stream. */
    private static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // keep-alive CRLFs between messages (RFC 5626 section 3.5.1)
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        if (matched < 4) {
            return null;
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        byte[] body = in.readNBytes(length);
        return headers + new String(body, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } catch (SocketException e) {
            // already closed
        }
    }
}
