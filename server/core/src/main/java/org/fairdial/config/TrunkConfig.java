package org.fairdial.config;

/**
 * A SIP trunk (carrier) calls go out through ({@code dialer.trunks.NAME}).
 *
 * @param name        trunk name campaigns refer to
 * @param host        carrier host or IP; the Request-URI is {@code sip:<number>@host:port}
 * @param port        carrier SIP port
 * @param transport   {@code udp}, {@code tcp} or {@code tls}
 * @param username    digest user for 401/407 challenges, or null when the carrier does not challenge
 * @param password    digest password, or null
 * @param maxChannels simultaneous calls the carrier allows us on this trunk
 * @param serverName  name the carrier's TLS certificate must carry (RFC 5922 section 7.2), or null when not TLS
 */
public record TrunkConfig(String name, String host, int port, String transport, String username,
                          String password, int maxChannels, String serverName) {

    /** A trunk without TLS. */
    public TrunkConfig(String name, String host, int port, String transport, String username, String password,
                       int maxChannels) {
        this(name, host, port, transport, username, password, maxChannels, null);
    }

    @Override
    public String toString() {
        return "TrunkConfig[" + name + " " + host + ":" + port + "/" + transport + " channels=" + maxChannels + "]";
    }
}
