package org.fairdial.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS listening socket that accepts plain TCP and wraps each connection with the SSL context current at that
 * moment, so a reloaded certificate serves the next handshake without re-binding the port. Versions, suites and
 * client-auth come from {@link SipTls}; what the RI sets through the {@code SSLServerSocket} setters is kept for
 * its getters only.
 */
final class TlsServerSocket extends SSLServerSocket {
    private final SipTls tls;
    private final ServerSocket tcp;
    private String[] protocols = new String[0];
    private String[] suites = new String[0];
    private boolean need;
    private boolean want;
    private boolean sessionCreation = true;

    /** TLS over {@code tcp}, a bound listening socket (connections over their source's share never get here). */
    TlsServerSocket(SipTls tls, ServerSocket tcp) throws IOException {
        this.tls = tls;
        this.tcp = tcp;
    }

    @Override
    public Socket accept() throws IOException {
        Socket accepted = tcp.accept();
        try {
            return tls.serverSide(accepted);
        } catch (IOException | RuntimeException e) {
            accepted.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        tcp.close();
    }

    @Override
    public boolean isClosed() {
        return tcp.isClosed();
    }

    @Override
    public boolean isBound() {
        return tcp.isBound();
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        tcp.bind(endpoint, backlog);
    }

    @Override
    public InetAddress getInetAddress() {
        return tcp.getInetAddress();
    }

    @Override
    public int getLocalPort() {
        return tcp.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return tcp.getLocalSocketAddress();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws java.net.SocketException {
        tcp.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws IOException {
        return tcp.getSoTimeout();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return tls.cipherSuiteList().split(",");
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        this.suites = suites.clone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return getEnabledCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return getEnabledProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return tls.protocolList().split(",");
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        this.protocols = protocols.clone();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        this.need = need;
    }

    @Override
    public boolean getNeedClientAuth() {
        return need;
    }

    @Override
    public void setWantClientAuth(boolean want) {
        this.want = want;
    }

    @Override
    public boolean getWantClientAuth() {
        return want;
    }

    @Override
    public void setUseClientMode(boolean mode) {
        // always server mode: accepted connections are wrapped by SipTls.serverSide
    }

    @Override
    public boolean getUseClientMode() {
        return false;
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        this.sessionCreation = flag;
    }

    @Override
    public boolean getEnableSessionCreation() {
        return sessionCreation;
    }

    @Override
    public String toString() {
        return "TlsServerSocket[" + tcp + ", RI asked protocols " + String.join(",", protocols) + ", "
                + suites.length + " suites]";
    }
}
