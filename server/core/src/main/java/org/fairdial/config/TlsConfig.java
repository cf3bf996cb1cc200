package org.fairdial.config;

import java.nio.file.Path;
import java.util.List;

/**
 * SIP over TLS ({@code dialer.sip.tls}): the listening port, our certificate, the protocol versions and cipher
 * suites, and how peers' certificates are checked. TLS 1.2 is the oldest version allowed (RFC 8996 deprecates
 * 1.0 and 1.1).
 *
 * @param port             TLS listening port (RFC 3261 section 26.2: 5061 by default)
 * @param certificate      PEM certificate chain, or null when {@code keystore} is used
 * @param privateKey       PEM unencrypted PKCS#8 key of the certificate, or null
 * @param keystore         PKCS#12 file with key and chain, instead of the two PEM files, or null
 * @param keystorePassword password of {@code keystore} ("" for none)
 * @param protocols        enabled versions, a subset of TLSv1.2 and TLSv1.3
 * @param cipherSuites     enabled cipher suites; empty for the JDK's defaults
 * @param clientAuth       whether peers connecting to us must present a certificate
 * @param trust            PEM CA certificates peers' certificates are checked against, or null for the JDK's
 */
public record TlsConfig(int port, Path certificate, Path privateKey, Path keystore, String keystorePassword,
                        List<String> protocols, List<String> cipherSuites, ClientAuth clientAuth, Path trust) {

    /** The versions a server may enable. */
    public static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    public TlsConfig {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /** Client-certificate verification on our listening port (mutual TLS). */
    public enum ClientAuth {
        /** Never ask: agents' softphones rarely have certificates. */
        NONE,
        /** Ask and verify a certificate when the peer sends one; accept peers that send none. */
        WANT,
        /** Refuse the handshake unless the peer's certificate verifies against {@code trust}. */
        NEED
    }
}
