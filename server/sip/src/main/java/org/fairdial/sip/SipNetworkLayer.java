package org.fairdial.sip;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The RI's socket factory ({@code gov.nist.javax.sip.NETWORK_LAYER}): outbound sockets as the RI's default layer
 * makes them, TLS ones from the stack's {@link SipTls}; listening TCP and TLS sockets that hold each source to its
 * share of connections ({@link SourceConnectionCap}). The RI instantiates this class by name, so each stack's
 * settings are found by the stack's name.
 */
public final class SipNetworkLayer implements NetworkLayer {
    private record Settings(SipTls tls, SourceConnectionCap cap) {
    }

    private static final Map<String, Settings> BY_STACK = new ConcurrentHashMap<>();
    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private volatile SipTls tls;
    private volatile SourceConnectionCap cap;

    /** The settings of the stack named {@code stackName}; {@code tls} null without TLS. */
    static void register(String stackName, SipTls tls, SourceConnectionCap cap) {
        BY_STACK.put(stackName, new Settings(tls, cap));
    }

    static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        Settings settings = BY_STACK.get(stack.getStackName());
        if (settings == null) {
            throw new IllegalStateException("no network settings for SIP stack " + stack.getStackName());
        }
        tls = settings.tls();
        cap = settings.cap();
    }

    private SipTls tls() throws IOException {
        SipTls t = tls;
        if (t == null) {
            throw new IOException("no TLS settings for this SIP stack");
        }
        return t;
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new TlsServerSocket(tls(), new CappedServerSocket(cap, port, backlog, bindAddress));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return tls().clientSide(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return tls().clientSide(address, port, myAddress);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new CappedServerSocket(cap, port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        return plain.createDatagramSocket(port, laddr);
    }
}
