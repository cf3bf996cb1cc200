package org.fairdial.config;

import java.util.List;
import org.fairdial.auth.CidrBlock;

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
 * @param allowFrom   addresses the carrier's requests (BYE, re-INVITE, INFO in our calls) may come from (IP
 *                    authentication); empty: any address
 */
public record TrunkConfig(String name, String host, int port, String transport, String username,
                          String password, int maxChannels, String serverName, List<CidrBlock> allowFrom) {

    /** A trunk without TLS that takes requests from any address. */
    public TrunkConfig(String name, String host, int port, String transport, String username, String password,
                       int maxChannels) {
        this(name, host, port, transport, username, password, maxChannels, null, List.of());
    }

    /** A trunk with its TLS server name, taking requests from any address. */
    public TrunkConfig(String name, String host, int port, String transport, String username, String password,
                       int maxChannels, String serverName) {
        this(name, host, port, transport, username, password, maxChannels, serverName, List.of());
    }

    /** A trunk without TLS that takes requests from {@code allowFrom} only. */
    public TrunkConfig(String name, String host, int port, String transport, String username, String password,
                       int maxChannels, List<CidrBlock> allowFrom) {
        this(name, host, port, transport, username, password, maxChannels, null, allowFrom);
    }

    @Override
    public String toString() {
        return "TrunkConfig[" + name + " " + host + ":" + port + "/" + transport + " channels=" + maxChannels + "]";
    }
}
