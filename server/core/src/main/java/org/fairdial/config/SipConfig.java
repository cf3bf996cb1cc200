package org.fairdial.config;

import java.time.Duration;
import java.util.Set;

/**
 * SIP signalling ({@code dialer.sip}).
 *
 * @param bindAddress         address the SIP listening points bind to
 * @param port                SIP port (UDP and TCP share it)
 * @param transports          transports to listen on: {@code udp}, {@code tcp}, {@code tls}
 * @param advertisedAddress   address put in Via/Contact for peers to reach us
 * @param userAgent           User-Agent / Server header value
 * @param realm               digest realm agents authenticate against
 * @param nonceLifetime       how long a digest nonce we issue stays valid
 * @param minExpires          shortest registration we accept (shorter gets 423 Interval Too Brief)
 * @param maxExpires          longest registration we grant (longer is cut down)
 * @param defaultExpires      registration time when the agent asks none
 * @param stackThreads        JAIN-SIP processing threads
 * @param tls                 SIP over TLS settings when {@code transports} has {@code tls}, else null
 * @param security            lockouts, rate limits, scanner and address filters, digest algorithms
 * @param tcp                 limits on inbound TCP and TLS connections
 * @param overload            when new inbound requests are shed with 503 (the server's own load)
 */
public record SipConfig(
        String bindAddress,
        int port,
        Set<String> transports,
        String advertisedAddress,
        String userAgent,
        String realm,
        Duration nonceLifetime,
        Duration minExpires,
        Duration maxExpires,
        Duration defaultExpires,
        int stackThreads,
        TlsConfig tls,
        SipSecurityConfig security,
        TcpLimits tcp,
        SipOverloadConfig overload) {

    /** Without an overload section: nothing is shed ({@link SipOverloadConfig#OFF}). */
    public SipConfig(String bindAddress, int port, Set<String> transports, String advertisedAddress,
                     String userAgent, String realm, Duration nonceLifetime, Duration minExpires,
                     Duration maxExpires, Duration defaultExpires, int stackThreads, TlsConfig tls,
                     SipSecurityConfig security, TcpLimits tcp) {
        this(bindAddress, port, transports, advertisedAddress, userAgent, realm, nonceLifetime, minExpires,
                maxExpires, defaultExpires, stackThreads, tls, security, tcp, SipOverloadConfig.OFF);
    }

    /** Without TLS and without a security section ({@link SipSecurityConfig#NONE}): tests and tools. */
    public SipConfig(String bindAddress, int port, Set<String> transports, String advertisedAddress,
                     String userAgent, String realm, Duration nonceLifetime, Duration minExpires,
                     Duration maxExpires, Duration defaultExpires, int stackThreads) {
        this(bindAddress, port, transports, advertisedAddress, userAgent, realm, nonceLifetime, minExpires,
                maxExpires, defaultExpires, stackThreads, null, SipSecurityConfig.NONE, TcpLimits.DEFAULT);
    }

    /** With TLS, without a security section. */
    public SipConfig(String bindAddress, int port, Set<String> transports, String advertisedAddress,
                     String userAgent, String realm, Duration nonceLifetime, Duration minExpires,
                     Duration maxExpires, Duration defaultExpires, int stackThreads, TlsConfig tls) {
        this(bindAddress, port, transports, advertisedAddress, userAgent, realm, nonceLifetime, minExpires,
                maxExpires, defaultExpires, stackThreads, tls, SipSecurityConfig.NONE, TcpLimits.DEFAULT);
    }

    /** Without TLS, with a security section. */
    public SipConfig(String bindAddress, int port, Set<String> transports, String advertisedAddress,
                     String userAgent, String realm, Duration nonceLifetime, Duration minExpires,
                     Duration maxExpires, Duration defaultExpires, int stackThreads, SipSecurityConfig security) {
        this(bindAddress, port, transports, advertisedAddress, userAgent, realm, nonceLifetime, minExpires,
                maxExpires, defaultExpires, stackThreads, null, security, TcpLimits.DEFAULT);
    }

    /**
     * Inbound TCP and TLS connections ({@code dialer.sip.tcp}): how many may be open, from one source and in all,
     * how long one may stay silent and how long a TLS handshake may take.
     *
     * @param maxConnections          open at once (the RI's MAX_CONNECTIONS)
     * @param idleTimeout             a connection silent this long, a half-sent request included, is closed
     *                                (READ_TIMEOUT)
     * @param maxConnectionsPerSource open at once from one source address; one more is closed on accept
     * @param tlsHandshakeTimeout     a TLS connection not through its handshake this long is closed
     */
    public record TcpLimits(int maxConnections, Duration idleTimeout, int maxConnectionsPerSource,
                            Duration tlsHandshakeTimeout) {
        /** The reference.conf defaults, for configurations built in code. */
        public static final TcpLimits DEFAULT = new TcpLimits(1000, Duration.ofSeconds(30), 32,
                Duration.ofSeconds(10));
    }
}
