package org.fairdial.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.fairdial.config.TlsConfig;
import org.fairdial.config.TlsFileException;
import org.fairdial.config.TlsKeys;
import org.fairdial.config.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of one SIP stack: the current SSL context (swapped whole on reload, so connections accepted or
 * opened afterwards use the new certificate while established ones keep theirs), the enabled versions and cipher
 * suites, client-certificate policy, and the name each trunk's certificate must carry. Our own object instead of
 * the RI's {@code javax.net.ssl.*} system properties, which are process-wide and read from key store files only.
 */
public final class SipTls {
    private static final Logger LOG = LoggerFactory.getLogger(SipTls.class);
    private static final int CONNECT_TIMEOUT_MS = 8000;

    private volatile TlsConfig config;
    private volatile SSLContext context;
    private volatile List<String> cipherSuites;
    private final Map<String, String> serverNames = new ConcurrentHashMap<>();

    private SipTls(TlsConfig config, SSLContext context) {
        use(config, context);
    }

    /** Loads the key material of {@code config}; the exception names the file and the reason. */
    public static SipTls load(TlsConfig config) throws TlsFileException {
        SipTls tls = new SipTls(config, TlsKeys.context(config, Instant.now()));
        LOG.info("SIP TLS certificate from {}", config.keystore() != null ? config.keystore() : config.certificate());
        return tls;
    }

    /**
     * Re-reads the files (certificate renewal on SIGHUP) and takes the versions, suites and client-auth of
     * {@code next}; the port stays. On failure the running context stays and the exception says why.
     */
    public void reload(TlsConfig next) throws TlsFileException {
        use(next, TlsKeys.context(next, Instant.now()));
        LOG.info("SIP TLS certificate reloaded from {}", next.keystore() != null ? next.keystore() : next.certificate());
    }

    private void use(TlsConfig next, SSLContext nextContext) {
        List<String> suites = next.cipherSuites().isEmpty()
                ? List.of(nextContext.getDefaultSSLParameters().getCipherSuites()) : next.cipherSuites();
        this.cipherSuites = suites;
        this.context = nextContext;
        this.config = next;
    }

    public int port() {
        return config.port();
    }

    /** Remembers which certificate name each trunk address must present (RFC 5922 section 7.2). */
    public void trunks(Collection<TrunkConfig> trunks) {
        serverNames.clear();
        for (TrunkConfig trunk : trunks) {
            if (!"tls".equals(trunk.transport())) {
                continue;
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(trunk.host())) {
                    serverNames.put(a.getHostAddress() + ":" + trunk.port(), trunk.serverName());
                }
            } catch (UnknownHostException e) {
                LOG.warn("trunk {}: cannot resolve {} for its TLS name check: {}", trunk.name(), trunk.host(),
                        e.getMessage());
            }
        }
    }

    String protocolList() {
        return String.join(",", config.protocols());
    }

    String cipherSuiteList() {
        return String.join(",", cipherSuites);
    }

    /** The RI's name for our client-auth policy ({@code gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE}). */
    String clientAuthType() {
        return switch (config.clientAuth()) {
            case NONE -> "Disabled";
            case WANT -> "Want";
            case NEED -> "Enabled";
        };
    }

    /** Wraps a connection a peer opened to us; the handshake starts when the RI asks. */
    SSLSocket serverSide(Socket accepted) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(accepted, null, true);
        s.setUseClientMode(false);
        SSLParameters params = params();
        switch (config.clientAuth()) {
            case NEED -> params.setNeedClientAuth(true);
            case WANT -> params.setWantClientAuth(true);
            case NONE -> params.setWantClientAuth(false);
        }
        s.setSSLParameters(params);
        return s;
    }

    /**
     * Connects to {@code address:port} and wraps the connection for a handshake that checks the peer's chain and,
     * for a trunk, that its certificate carries the trunk's name.
     */
    SSLSocket clientSide(InetAddress address, int port, InetAddress local) throws IOException {
        Socket plain = new Socket();
        if (local != null) {
            plain.bind(new InetSocketAddress(local, 0));
        }
        plain.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
        String name = serverNames.get(address.getHostAddress() + ":" + port);
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain,
                name == null ? address.getHostAddress() : name, port, true);
        s.setUseClientMode(true);
        SSLParameters params = params();
        if (name != null) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (!Character.isDigit(name.charAt(0)) && !name.contains(":")) {
                params.setServerNames(List.of(new SNIHostName(name)));
            }
        }
        s.setSSLParameters(params);
        return s;
    }

    private SSLParameters params() {
        SSLParameters params = context.getDefaultSSLParameters();
        params.setProtocols(config.protocols().toArray(new String[0]));
        params.setCipherSuites(cipherSuites.toArray(new String[0]));
        return params;
    }
}
