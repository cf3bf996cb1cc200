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
 * The RI's socket factory ({@code gov.nist.javax.sip.NETWORK_LAYER}) for a stack with TLS: plain sockets as the
 * RI's default layer makes them, TLS sockets from the stack's {@link SipTls}. The RI instantiates this class by
 * name, so each stack's {@link SipTls} is found by the stack's name.
 */
public final class TlsNetworkLayer implements NetworkLayer {
    private static final Map<String, SipTls> BY_STACK = new ConcurrentHashMap<>();
    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private volatile SipTls tls;

    static void register(String stackName, SipTls tls) {
        BY_STACK.put(stackName, tls);
    }

    static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        tls = BY_STACK.get(stack.getStackName());
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
        return new TlsServerSocket(tls(), port, backlog, bindAddress);
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
        return plain.createServerSocket(port, backlog, bindAddress);
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
